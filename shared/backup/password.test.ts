import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password';

describe('passwordProblem', () => {
  it.each([
    ['', '', 'passwordShort'],
    ['1234567', '1234567', 'passwordShort'],
    ['留证密码留证密码', '留证密码留证密码', null],
    ['12345678', '12345678', null],
    ['12345678', '12345679', 'passwordMismatch'],
    ['correct horse', 'correct horse ', 'passwordMismatch'],
  ])('%j / %j → %s', (pw, repeat, problem) => {
    expect(passwordProblem(pw, repeat)).toBe(problem);
  });
});
