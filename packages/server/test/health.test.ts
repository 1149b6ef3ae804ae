import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';

describe.skipIf(!pgAvailable)(`health and API description (${dialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('reports status, database dialect and version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      db: dialect,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('lists every /api route in /api/openapi.json', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(spec.openapi).toMatch(/^3\./);
    const documented = new Set(
      Object.entries(spec.paths).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    expect(t.app.routeCatalog.length).toBeGreaterThan(10);
    for (const r of t.app.routeCatalog) {
      if (r.url.startsWith('/api/docs') || r.url === '/api/openapi.json') continue;
      expect(documented, `${r.method} ${r.url} is missing from the OpenAPI document`).toContain(
        `${r.method} ${r.url}`,
      );
    }
  });

  it('serves Swagger UI at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('answers an unknown endpoint with a JSON 404 naming it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'accept-language': 'en-US' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('/api/nope');
  });
});
