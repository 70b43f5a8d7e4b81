import type { LocalDate } from '../domain/calendar/local-date.js';

/** The only way services learn the time. Domain code never asks: it is handed `today`. */
export interface Clock {
  now(): Date;
  /** Today's date in the UK (Europe/London), which is what every deadline counts from. */
  today(): LocalDate;
}
