import { createHmac } from 'node:crypto';
import type { HmacSha256 } from '@interchange/plugin-interchange-common';

/**
 * Node's synchronous HMAC-SHA256 for verifying inbound deliveries: the same
 * digest as the Web Crypto default, without a thread-pool round trip per
 * delivery (about a quarter of the receiver's CPU time per delivery before).
 */
export const nodeHmacSha256: HmacSha256 = (key, data) =>
  createHmac('sha256', key).update(data).digest();
