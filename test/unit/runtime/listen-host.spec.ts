import { loadConfig } from '../../../src/config/load-config';
import { listenHost } from '../../../src/runtime/listen-host';

describe('the address the HTTP server listens on', () => {
  test('a demo, whose logins are public, listens on 127.0.0.1 unless HOST says otherwise', () => {
    expect(listenHost(loadConfig({}), true, {})).toBe('127.0.0.1');
    expect(listenHost(loadConfig({ HOST: '0.0.0.0' }), true, { HOST: '0.0.0.0' })).toBe('0.0.0.0');
  });

  test('without --demo the configured default (all interfaces) stands', () => {
    expect(listenHost(loadConfig({}), false, {})).toBe('0.0.0.0');
    expect(listenHost(loadConfig({ HOST: '10.0.0.5' }), false, { HOST: '10.0.0.5' })).toBe('10.0.0.5');
  });
});
