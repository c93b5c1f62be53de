import express from 'express';
import Router from 'express-promise-router';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { CatalogProblemsStore } from '../problems/CatalogProblemsStore';
import { PROBLEM_MAX_AGE_MS } from '../problems/catalogProblemsRetention';
import {
  createKafkaRouter,
  KafkaRouterOptions,
} from '../kafka/createKafkaRouter';
import {
  createWebhookReceiveRouter,
  createWebhooksRouter,
  WebhooksRouterOptions,
} from '../webhooks/createWebhooksRouter';

export interface RouterOptions
  extends KafkaRouterOptions,
    WebhooksRouterOptions {
  httpAuth: HttpAuthService;
  problems: CatalogProblemsStore;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, problems } = options;
  const router = Router();
  // Before the JSON parser: inbound webhooks are verified on their raw bytes.
  router.use(createWebhookReceiveRouter(options));
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/catalog-problems', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: await problems.list({ maxAgeMs: PROBLEM_MAX_AGE_MS }) });
  });

  router.use(createKafkaRouter(options));
  router.use(createWebhooksRouter(options));

  return router;
}
