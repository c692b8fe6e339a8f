import express from 'express';
import request from 'supertest';
import { mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { redactQuery, redactQueryInRequestLog } from './redactedRequestLogs';

describe('request log redaction', () => {
  it('replaces the values of credential-like query parameters only', () => {
    expect(
      redactQuery(
        '/api/catalog/entities?token=ghp_abc&filter=kind=environment',
      ),
    ).toBe('/api/catalog/entities?token=redacted&filter=kind%3Denvironment');
    expect(
      redactQuery('/api/auth/github/handler/frame?code=9f2e&state=xyz'),
    ).toBe('/api/auth/github/handler/frame?code=redacted&state=xyz');
    expect(redactQuery('/api/environments/environments?entityRef=a')).toBe(
      '/api/environments/environments?entityRef=a',
    );
  });

  it("keeps a token sent in the query out of Backstage's own request log line", async () => {
    const logger = mockServices.logger.mock();
    const app = express();
    app.use(redactQueryInRequestLog);
    app.use(
      MiddlewareFactory.create({
        config: mockServices.rootConfig(),
        logger,
      }).logging(),
    );
    app.get('/api/x', (_req, res) => res.json({}));
    await request(app).get('/api/x?access_token=ghp_leakleakleak&page=2');
    const lines = logger.info.mock.calls.map(([message]) => String(message));
    expect(lines).toEqual([
      expect.stringContaining(
        '"GET /api/x?access_token=redacted&page=2 HTTP/1.1" 200',
      ),
    ]);
    expect(JSON.stringify(logger.info.mock.calls)).not.toContain('ghp_leak');
  });
});
