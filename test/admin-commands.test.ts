import { describe, expect, it } from 'vitest';
import { ADMIN_COMMANDS, commandPath } from '../src/admin/index.ts';

// Each entry becomes a route, a CLI command and an audit action; these rules keep the three unambiguous.
describe('the admin command table', () => {
  it('names every command area.verb once, so its route, CLI words and audit action are unique', () => {
    const names = ADMIN_COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z]+\.[a-z-]+$/);
    expect(ADMIN_COMMANDS.map(commandPath)).toContain('/api/admin/directory/import');
  });

  it('sends files only with POST and keeps the file-name parameter free of options', () => {
    for (const c of ADMIN_COMMANDS) {
      if (c.upload) expect(c.method, c.name).toBe('POST');
      expect(Object.keys(c.options), c.name).not.toContain('fileName');
      for (const o of Object.values(c.options)) if (o.type === 'string') expect(o.maxLength).toBeGreaterThan(0);
    }
  });
});
