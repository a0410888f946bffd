import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

const APP_ID = '11111111-2222-4333-8444-555555555555';

describe('configuration from the environment', () => {
  it('runs with no settings at all: port 3978, ./data, anonymous on loopback', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3978, dataDir: './data', host: '127.0.0.1', databaseUrl: undefined });
    expect(c.bot.appId).toBeUndefined();
  });

  it('takes botbuilder names and the Toolkit names for the app credentials', () => {
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's' }).bot).toMatchObject({
      appId: APP_ID,
      appPassword: 's',
      appType: 'MultiTenant',
    });
    expect(loadConfig({ BOT_ID: APP_ID, BOT_PASSWORD: 's' }).bot).toMatchObject({ appId: APP_ID, appPassword: 's' });
  });

  it('listens on all interfaces only when the bot authenticates requests', () => {
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's' }).host).toBe('0.0.0.0');
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/HOST must be a loopback address/);
  });

  it('explains every problem at once, in words', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        MicrosoftAppId: 'not-a-guid',
        DATABASE_URL: 'mysql://x',
        MicrosoftAppType: 'SingleTenant',
      });
      expect.fail('should have thrown');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toMatch(/PORT/);
      expect(msg).toMatch(/MicrosoftAppId must be the bot's Entra ID application \(client\) id/);
      expect(msg).toMatch(/DATABASE_URL must be a postgres/);
      expect(msg).toMatch(/MicrosoftAppPassword is required/);
      expect(msg).toMatch(/MicrosoftAppTenantId is required for MicrosoftAppType=SingleTenant/);
    }
  });
});

describe('directory and calendar settings', () => {
  it('reads employees from ./data/hr.csv by default and from Graph only when asked', () => {
    expect(loadConfig({}).directory).toMatchObject({ source: 'hr-csv', hrCsvFile: './data/hr.csv', syncMinutes: 15 });
    expect(() => loadConfig({ DIRECTORY_SOURCE: 'graph' })).toThrow(/DIRECTORY_SOURCE is graph, but GRAPH_TENANT_ID/);
    const graph = loadConfig({
      DIRECTORY_SOURCE: 'graph',
      GRAPH_TENANT_ID: 't',
      GRAPH_CLIENT_ID: APP_ID,
      GRAPH_CLIENT_SECRET: 's',
    }).directory;
    expect(graph.graph).toMatchObject({ tenantId: 't', clientId: APP_ID });
  });

  it('knows Japanese national holidays and the company holidays, and explains a bad COMPANY_HOLIDAYS', () => {
    const { calendar } = loadConfig({ COMPANY_HOLIDAYS: '12-29..01-03' });
    expect(calendar.holidayOn('2026-11-23')).toBe('勤労感謝の日');
    expect(calendar.holidayOn('2026-12-30')).toBeTruthy();
    expect(calendar.holidayOn('2026-12-28')).toBeUndefined();
    expect(() => loadConfig({ COMPANY_HOLIDAYS: '13-45' })).toThrow(/COMPANY_HOLIDAYS/);
  });
});

describe('delivery settings', () => {
  it('sends 50 a second to Teams by default and installs the app only when asked with what it needs', () => {
    expect(loadConfig({}).delivery).toMatchObject({
      ratePerSecond: 50,
      maxInFlight: 32,
      serviceUrl: 'https://smba.trafficmanager.net/teams/',
      proactiveInstall: false,
    });
    expect(() => loadConfig({ PROACTIVE_INSTALL: 'true' })).toThrow(/PROACTIVE_INSTALL needs DIRECTORY_SOURCE=graph/);
    expect(() => loadConfig({ DELIVERY_RATE: '0' })).toThrow(/DELIVERY_RATE/);
  });
});

describe('check-in settings', () => {
  it('tells nobody of violations by default and reads the security contacts as object ids', () => {
    expect(loadConfig({}).checkin).toEqual({
      reminderAfterMinutes: 120,
      complianceNotify: 'nobody',
      securityContacts: [],
    });
    expect(
      loadConfig({ COMPLIANCE_NOTIFY: 'manager', SECURITY_CONTACTS: `${APP_ID}, ${APP_ID.replace('1111', '2222')}` })
        .checkin,
    ).toMatchObject({ complianceNotify: 'manager', securityContacts: [APP_ID, APP_ID.replace('1111', '2222')] });
    expect(() => loadConfig({ SECURITY_CONTACTS: 'security@example.com' })).toThrow(
      /SECURITY_CONTACTS must be Entra object ids/,
    );
  });
});

describe('admin API settings', () => {
  const TOKEN = 'x'.repeat(32);

  it('keeps the admin API off unless a token is set, and takes a long enough one', () => {
    expect(loadConfig({}).adminApiToken).toBeUndefined();
    expect(loadConfig({ ADMIN_API_TOKEN: '  ' }).adminApiToken).toBeUndefined();
    expect(loadConfig({ ADMIN_API_TOKEN: TOKEN }).adminApiToken).toBe(TOKEN);
  });

  it('refuses a short or unprintable token, told together with the other problems', () => {
    try {
      loadConfig({ ADMIN_API_TOKEN: 'secret', PORT: 'eighty' });
      expect.fail('should have thrown');
    } catch (err) {
      const msg = (err as Error).message;
      expect(msg).toMatch(/ADMIN_API_TOKEN must be at least 32 characters/);
      expect(msg).toMatch(/PORT/);
      expect(msg).not.toContain('secret');
    }
    expect(() => loadConfig({ ADMIN_API_TOKEN: `${TOKEN} ${TOKEN}` })).toThrow(
      /ADMIN_API_TOKEN must be printable ASCII/,
    );
  });
});
