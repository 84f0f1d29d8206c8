// The menu item a page belongs under when its address does not say: a township's task, read from 上级督导, has the
// address of any task (#/tasks/<id>), and only the task, once loaded, tells whose it is. The page names the place
// for its own address; the shell follows it there and nowhere else, so leaving the page needs no undoing.
import { useEffect, useState } from 'preact/hooks';

let placed = { path: null, navPath: null };
const listeners = new Set();

/** Shows the page at `path` under the menu item of `navPath` (e.g. '/county'); `null`: where its address says. */
export function placeInNav(path, navPath) {
  if (placed.path === path && placed.navPath === navPath) return;
  placed = { path, navPath };
  for (const listener of listeners) listener(placed);
}

/** The path whose menu item is current for the page at `path`. */
export function useNavPath(path) {
  const [current, setCurrent] = useState(placed);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(placed);
    return () => listeners.delete(setCurrent);
  }, []);
  return (current.path === path && current.navPath) || path;
}
