// One status line for the whole app: confirmations and errors, always in Chinese.
import { useEffect, useState } from 'preact/hooks';

let current = null;
let listener = null;
let timer;

export function say(text, isError = false) {
  current = { text, isError, at: Date.now() };
  listener?.(current);
  clearTimeout(timer);
  timer = setTimeout(
    () => {
      current = null;
      listener?.(null);
    },
    isError ? 8000 : 4000,
  );
}

export function clearMessage() {
  clearTimeout(timer);
  current = null;
  listener?.(null);
}

export function useMessage() {
  const [message, setMessage] = useState(current);
  useEffect(() => {
    listener = setMessage;
    return () => {
      listener = null;
    };
  }, []);
  return message;
}

const HAS_CHINESE = /[\u4e00-\u9fa5]/;

/** The error's own message when it is Chinese (the API's messages are), else a plain sentence. */
export function chineseMessage(error, fallback = '操作失败，请稍后再试') {
  return error?.message && HAS_CHINESE.test(error.message) ? error.message : fallback;
}

/** Runs an action and reports how it went; resolves to its result, or undefined when it failed. */
export async function attempt(action, success) {
  try {
    const result = await action();
    if (success) say(success);
    return result;
  } catch (error) {
    say(chineseMessage(error), true);
    return undefined;
  }
}
