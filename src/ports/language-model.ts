/**
 * A language model, for reading post and drafting prose where rules alone fall short. Steve
 * works fully without one: the default adapter is disabled, every caller must cope with
 * LanguageModelError, and nothing a model writes is kept without a person's review.
 */
import { AppError, type ErrorCode } from '../domain/errors.js';

export interface GenerateRequest {
  /** Standing instructions, kept apart from the prompt. */
  system?: string;
  prompt: string;
  /** An upper bound on the reply's length, in the model's tokens. */
  maxOutputTokens?: number;
  /** 0 for the most predictable reply. */
  temperature?: number;
  signal?: AbortSignal;
}

export interface Generation {
  text: string;
  /** The model that answered, as its provider names it. */
  model: string;
  /** 'end': the model finished; 'length': it stopped at maxOutputTokens. */
  stop: 'end' | 'length';
  usage: { inputTokens: number; outputTokens: number } | null;
}

export interface ModelStatus {
  available: boolean;
  /** Which adapter this is ('disabled', …). */
  provider: string;
  model: string | null;
  /** One sentence for the person: what is set up, or what is missing. */
  detail: string;
}

export type LanguageModelErrorReason =
  /** No model is set up on this installation. */
  | 'disabled'
  /** The request is wrong (an empty prompt, a limit out of range). */
  | 'invalid'
  /** The model could not be reached, or is busy; trying again may work. */
  | 'unavailable'
  /** The model declined to answer this prompt. */
  | 'refused'
  /** No answer in time, or the caller gave up (the signal aborted). */
  | 'timeout';

/** Why no text came back. */
export class LanguageModelError extends AppError {
  readonly reason: LanguageModelErrorReason;

  constructor(reason: LanguageModelErrorReason, message: string, options: { cause?: unknown } = {}) {
    super(CODE_OF[reason], message, options);
    this.name = 'LanguageModelError';
    this.reason = reason;
  }
}

// Until the error vocabulary has a code for "a service outside Steve is missing or down",
// those cases are a conflict with how this installation is set up, which the person can change.
const CODE_OF: Record<LanguageModelErrorReason, ErrorCode> = {
  disabled: 'CONFLICT',
  invalid: 'VALIDATION',
  unavailable: 'CONFLICT',
  refused: 'CONFLICT',
  timeout: 'CONFLICT',
};

export interface LanguageModel {
  readonly provider: string;
  generate(request: GenerateRequest): Promise<Generation>;
  /** Whether the model can be used now, without spending a generation; never throws. */
  probe(): Promise<ModelStatus>;
}
