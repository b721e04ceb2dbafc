import express, { Router, type RequestHandler } from 'express';
import { dirname, join } from 'node:path';
import { notFound } from '../../errors';
import { pageScripts, WEB_DIR } from '../page-bundle';

const SWAGGER_UI = dirname(require.resolve('swagger-ui-dist/package.json'));

/** Pages may load their own scripts, styles and data, and nothing from elsewhere. */
const pagePolicy =
  (styles: string): RequestHandler =>
  (_req, res, next) => {
    res.set(
      'Content-Security-Policy',
      `default-src 'none'; script-src 'self'; style-src ${styles}; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    next();
  };

/** The timeline page at `/` and the API docs at `/docs`, every asset served from here. */
export function pageRoutes(): Router {
  const r = Router();
  const page = pagePolicy("'self'");
  // Swagger UI sets style attributes on its elements.
  const docs = pagePolicy("'self' 'unsafe-inline'");

  r.get('/', page, (_req, res) => res.sendFile(join(WEB_DIR, 'index.html')));
  r.get('/assets/timeline.css', page, (_req, res) => res.sendFile(join(WEB_DIR, 'timeline.css')));
  r.get('/assets/:name.js', async (req, res) => {
    const script = (await pageScripts()).get(`${req.params.name}.js`);
    if (script === undefined) throw notFound(`no script ${req.params.name}.js`);
    res.type('text/javascript').set('Cache-Control', 'no-cache').send(script);
  });
  r.get('/docs', docs, (_req, res) => res.sendFile(join(WEB_DIR, 'docs.html')));
  r.use('/docs/assets', docs, express.static(SWAGGER_UI, { index: false }));
  return r;
}
