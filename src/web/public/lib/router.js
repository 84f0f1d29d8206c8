// Hash routes: `#/tasks?status=assigned` → { path: '/tasks', query: URLSearchParams }.
import { useEffect, useState } from 'preact/hooks';

export function currentRoute() {
  const [path, query = ''] = (location.hash || '#/').slice(1).split('?');
  return { path: path || '/', query: new URLSearchParams(query) };
}

export function useRoute() {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const follow = () => setRoute(currentRoute());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}

export function navigate(hash) {
  location.hash = hash;
}

/** `#/tasks?…` with the non-empty values of `params`. */
export function hrefWith(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, String(value));
  const text = query.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}
