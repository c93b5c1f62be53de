import fs from 'node:fs';
import {
  API_RESPONSES_FILE,
  BACKEND_LOG_FILE,
  configuredSecrets,
  findSecrets,
} from './secretScan';

/**
 * After every e2e test: no configured secret value may appear in an API
 * response the browser received (recorded by signIn) or in the backend's
 * log. Fails the run naming the key and where it appeared (never the value).
 */
export default async function secretScanTeardown() {
  const secrets = configuredSecrets(['app-config.yaml', 'app-config.e2e.yaml']);
  const hits: string[] = [];
  let scanned = 0;
  for (const file of [API_RESPONSES_FILE, BACKEND_LOG_FILE]) {
    if (!fs.existsSync(file)) {
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    scanned += text.length;
    hits.push(...findSecrets(text, file, secrets));
  }
  // eslint-disable-next-line no-console
  console.log(
    `Secret scan: ${secrets.length} configured secret values, ${scanned} bytes of API responses and backend log, ${hits.length} found`,
  );
  // The next run records afresh; this run's responses stay for reading.
  if (fs.existsSync(API_RESPONSES_FILE)) {
    fs.renameSync(API_RESPONSES_FILE, `${API_RESPONSES_FILE}.scanned`);
  }
  if (hits.length) {
    throw new Error(
      `Configured secret values appeared during the e2e run:\n${hits.join(
        '\n',
      )}`,
    );
  }
}
