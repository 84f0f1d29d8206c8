// One status line for the whole app: confirmations and errors, always in Chinese.
import { useEffect, useState } from 'preact/hooks';

let current = null;
let listener = null;
let timer;

/** The page part of the address (`#/tasks/…`, without its query): where a message was said. */
const pageOfAddress = () => location.hash.split('?')[0];

export function say(text, isError = false) {
  current = { text, isError, at: Date.now(), page: pageOfAddress() };
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

/**
 * An error belongs to the page it was said on: leaving that page clears it, so the next page does not open under
 * it. A confirmation stays its few seconds (an action may say it and then move on), and so does an error said on
 * the page being opened (a lapsed login's 401, said after the address moved to the login page).
 */
function leavePage() {
  if (current?.isError && current.page !== pageOfAddress()) clearMessage();
}

export function useMessage() {
  const [message, setMessage] = useState(current);
  useEffect(() => {
    listener = setMessage;
    window.addEventListener('hashchange', leavePage);
    return () => {
      listener = null;
      window.removeEventListener('hashchange', leavePage);
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
