import { AppError } from '../../domain/errors.js';

/** A refused sign-in that the form should answer by asking for the authenticator code. */
export class TotpRequiredError extends AppError {
  readonly totp_required = true;
  constructor(message: string) {
    super('UNAUTHENTICATED', message);
  }
}

export const wrongDetails = (): AppError => new AppError('UNAUTHENTICATED', 'Wrong email or password.');
