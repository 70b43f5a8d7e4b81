import { describe, expect, it } from 'vitest';
import { disabledLanguageModel } from '../../src/adapters/disabled-language-model.js';
import { AppError } from '../../src/domain/errors.js';
import { LanguageModelError } from '../../src/ports/language-model.js';

describe('the disabled language model', () => {
  it('refuses to generate with a LanguageModelError (disabled) that says nothing was sent', async () => {
    const err = await disabledLanguageModel.generate({ prompt: 'Summarise this letter.' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LanguageModelError);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ reason: 'disabled', code: 'CONFLICT', message: expect.stringContaining('Nothing was sent to a model') });
  });

  it('probes as unavailable, naming itself, without throwing', async () => {
    expect(await disabledLanguageModel.probe()).toEqual({
      available: false,
      provider: 'disabled',
      model: null,
      detail: 'No language model is set up; Steve reads post and drafts documents with its own rules.',
    });
  });
});
