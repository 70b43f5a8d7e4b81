import { describe, expect, it } from 'vitest';
import { formatNhsNumber, isValidNhsNumber, nhsCheckDigit, parseNhsNumber } from '../../src/domain/people/nhs-number.js';

describe('NHS number modulus 11', () => {
  it('NHS number 943 476 5919 passes modulus 11; 943 476 5918 fails', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
  });

  it('401 023 2137 passes; changing any single digit of it fails', () => {
    expect(isValidNhsNumber('4010232137')).toBe(true);
    for (let i = 0; i < 10; i++) {
      const digits = '4010232137'.split('');
      digits[i] = String((Number(digits[i]) + 1) % 10);
      expect(isValidNhsNumber(digits.join('')), digits.join('')).toBe(false);
    }
  });

  it('a remainder giving 11 means check digit 0: 400 000 0020 passes', () => {
    expect(nhsCheckDigit('400000002')).toBe(0);
    expect(isValidNhsNumber('4000000020')).toBe(true);
  });

  it('a check digit of 10 means no valid number: 123 456 789x fails for every final digit x', () => {
    expect(nhsCheckDigit('123456789')).toBeNull();
    for (let x = 0; x <= 9; x++) expect(isValidNhsNumber(`123456789${x}`)).toBe(false);
  });

  it('needs exactly 10 digits: 9 and 11 digits fail, as do letters', () => {
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659190')).toBe(false);
    expect(isValidNhsNumber('943476591X')).toBe(false);
    expect(isValidNhsNumber('')).toBe(false);
  });

  it('spaces and dashes as people write them are accepted: "943 476 5919" and "943-476-5919"', () => {
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('943-476-5919')).toBe(true);
    expect(parseNhsNumber(' 943 476 5919 ')).toBe('9434765919');
  });

  it('parseNhsNumber says "10 digits" for a wrong length and "modulus 11" for a wrong check digit', () => {
    expect(() => parseNhsNumber('943 476 591')).toThrow(/must be 10 digits/);
    expect(() => parseNhsNumber('943 476 5918')).toThrow(/modulus 11/);
  });

  it('formats as 3-3-4 groups', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });
});
