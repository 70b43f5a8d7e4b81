/**
 * NHS numbers are ten digits whose last digit is a modulus-11 check digit
 * (NHS Data Dictionary, "NHS Number"). Weights 10..2 on the first nine digits;
 * check = 11 - (sum mod 11); 11 means 0; 10 means the number is invalid.
 */
import { invalid } from '../errors.js';

export function nhsCheckDigit(firstNine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

export function isValidNhsNumber(text: string): boolean {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  return nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/** Accepts spaces or dashes as people write it (485 777 3456); stores bare digits. */
export function parseNhsNumber(text: string): string {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) throw invalid(`NHS number must be 10 digits, not "${text}".`, 'nhs_number');
  if (!isValidNhsNumber(digits)) {
    throw invalid(`NHS number ${text} fails the modulus 11 check: check the digits.`, 'nhs_number');
  }
  return digits;
}

export function formatNhsNumber(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}
