import { LanguageModelError, type LanguageModel } from '../ports/language-model.js';

const DETAIL = 'No language model is set up; Steve reads post and drafts documents with its own rules.';

/** The default: Steve sends nothing to any model, and says so rather than guessing. */
export const disabledLanguageModel: LanguageModel = {
  provider: 'disabled',
  async generate() {
    throw new LanguageModelError('disabled', `${DETAIL} Nothing was sent to a model.`);
  },
  async probe() {
    return { available: false, provider: 'disabled', model: null, detail: DETAIL };
  },
};
