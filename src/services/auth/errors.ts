import { AppError } from '../../domain/errors.js';

/** A refused sign-in that the form should answer by asking for the authenticator code. */
export class TotpRequiredError extends AppError {
  readonly totp_required = true;
  constructor(message: string) {
    super('UNAUTHENTICATED', message);
  }
}

export const wrongDetails = (): AppError => new AppError('UNAUTHENTICATED', 'Wrong email or password.');

/** A sign-in refused by the throttle; the server sends the wait as Retry-After. */
export class RateLimitedError extends AppError {
  readonly retry_after_seconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', message);
    this.retry_after_seconds = retryAfterSeconds;
  }
}
