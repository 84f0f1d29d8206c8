import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { InvalidInputError } from '../common/domain-error';

export const MIN_PASSWORD_LENGTH = 8;

/**
 * zxcvbn's score 2 means about a million guesses or more: with logins limited per account and address and hashes
 * made with argon2id, that is out of reach of an online guesser, and still lets through what people actually pick
 * for an office system (`Demo@2026`, `zhangsan2024`), while `12345678`, `password`, `P@ssw0rd` or `qwertyui` score 0.
 */
const MIN_SCORE = 2;

const REASONS: Record<string, string> = {
  topTen: '是最常见的密码之一',
  topHundred: '是最常见的密码之一',
  common: '是常见密码',
  similarToCommon: '只是常见密码的简单变形（如 P@ssw0rd）',
  wordByItself: '只是一个常见单词',
  namesByThemselves: '只是常见的姓名',
  commonNames: '只是常见的姓名',
  userInputs: '包含用户名或姓名',
  straightRow: '是键盘上连成一行的按键（如 qwertyui）',
  keyPattern: '是键盘上相邻的按键',
  simpleRepeat: '是重复的字符（如 11111111）',
  extendedRepeat: '是重复的片段（如 abcabcabc）',
  sequences: '是连续的字母或数字（如 12345678、abcdefgh）',
  recentYears: '只是年份',
  dates: '只是日期',
};

// Building the matcher reads the whole common-password and word dictionaries: once per process, on first use.
let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return factory;
}

/** Why `password` is too weak to set, in Chinese, or null when it may be used. */
export function passwordWeakness(password: string, userInputs: string[] = []): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`;
  if (!password.trim()) return '密码不能全是空格';
  const result = estimator().check(password, userInputs.filter(Boolean));
  if (result.score >= MIN_SCORE) return null;
  const reason = REASONS[result.feedback.warning ?? ''] ?? '太容易被猜中';
  return `密码过于简单：${reason}。请混合使用大小写字母、数字和符号，或使用更长的短语`;
}

/** Applied wherever a password is set: user creation, an admin's reset, the user's own change, a child organization's first admin. */
export function assertStrongPassword(password: string, userInputs: string[] = []): void {
  const weakness = passwordWeakness(password, userInputs);
  if (weakness) throw new InvalidInputError('WEAK_PASSWORD', weakness);
}
