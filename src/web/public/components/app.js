// Routes: one page module per hash path, loaded when first visited (the first screen fetches only what it shows);
// everyone but the login page needs a session.
import { useEffect, useState } from 'preact/hooks';
import { session } from '../lib/api.js';
import { html } from '../lib/html.js';
import { navigate, useRoute } from '../lib/router.js';
import { Loading } from './loading.js';
import { Shell, StatusLine } from './shell.js';

const ROUTES = [
  [/^\/$/, () => import('../pages/dashboard.js').then((m) => m.DashboardPage)],
  [/^\/tasks$/, () => import('../pages/tasks.js').then((m) => m.TasksPage)],
  [/^\/tasks\/print$/, () => import('../pages/ledger-print.js').then((m) => m.LedgerPrintPage)],
  [/^\/tasks\/([\w-]+)$/, () => import('../pages/task.js').then((m) => m.TaskPage)],
  [/^\/import$/, () => import('../pages/import-upload.js').then((m) => m.ImportUploadPage)],
  [/^\/import\/([\w-]+)$/, () => import('../pages/import-review.js').then((m) => m.ImportReviewPage)],
  [/^\/draft(?:\/(\d{4}))?$/, () => import('../pages/draft.js').then((m) => m.DraftPage)],
  [/^\/worklog$/, () => import('../pages/worklog.js').then((m) => m.WorklogPage)],
  [/^\/notifications$/, () => import('../pages/notifications.js').then((m) => m.NotificationsPage)],
  [/^\/admin\/units$/, () => import('../pages/units.js').then((m) => m.UnitsPage)],
  [/^\/county$/, () => import('../pages/county.js').then((m) => m.CountyPage)],
  [/^\/county\/org\/([\w-]+)$/, () => import('../pages/county-ledger.js').then((m) => m.CountyLedgerPage)],
  [
    /^\/county\/org\/([\w-]+)\/print$/,
    () => import('../pages/ledger-print.js').then((m) => m.LedgerPrintPage),
  ],
  [/^\/admin\/users$/, () => import('../pages/users.js').then((m) => m.UsersPage)],
  [/^\/admin\/settings$/, () => import('../pages/settings.js').then((m) => m.SettingsPage)],
  [/^\/account$/, () => import('../pages/account.js').then((m) => m.AccountPage)],
];
const notFound = () => import('../pages/not-found.js').then((m) => m.NotFoundPage);
const loadLogin = () => import('../pages/login.js').then((m) => m.LoginPage);

/** Page components already loaded, by loader, so a page visited before renders at once. */
const loaded = new Map();

function match(path) {
  if (path === '/login') return { load: loadLogin, params: [] };
  for (const [pattern, load] of ROUTES) {
    const found = path.match(pattern);
    if (found) return { load, params: found.slice(1) };
  }
  return { load: notFound, params: [] };
}

function usePage(load) {
  const [, setRound] = useState(0);
  useEffect(() => {
    if (!loaded.has(load)) load().then((Page) => loaded.set(load, Page) && setRound((n) => n + 1));
  }, [load]);
  return loaded.get(load);
}

export function App() {
  const route = useRoute();
  const user = session()?.user;
  const signedOut = !user && route.path !== '/login';
  const { load, params } = match(route.path);
  const Page = usePage(load);
  useEffect(() => {
    if (signedOut) navigate('#/login');
  }, [signedOut]);
  useEffect(() => {
    if (user) document.getElementById('main')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [route.path]);
  if (signedOut) return null;
  const page = Page
    ? html`<${Page} key=${route.path} user=${user} params=${params} query=${route.query} />`
    : html`<${Loading} />`;
  if (route.path === '/login')
    return html`<${StatusLine} />
      <main id="main" tabindex="-1">${page}</main>`;
  return html`<${Shell} user=${user} path=${route.path}>${page}<//>`;
}
