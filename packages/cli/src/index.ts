/**
 * The `interchange` command for platform teams' CI: validate catalog files,
 * preview gateway routes, sign and verify webhook payloads.
 *
 * @packageDocumentation
 */
import { Command } from 'commander';
import { validateCommand } from './commands/validate';
import { routesCommand } from './commands/routes';
import { meshCommand } from './commands/mesh';
import { webhookSignCommand, webhookVerifyCommand } from './commands/webhook';
import { checkCommand } from './commands/check';
import { strategyCommand } from './commands/strategy';

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  value,
];

async function main(argv: string[]) {
  const program = new Command('interchange')
    .description(
      'Interchange: integrations (Kafka topics, gateway routes, webhooks) in the Backstage catalog',
    )
    .showHelpAfterError()
    .exitOverride();

  program
    .command('validate')
    .description(
      "Validate catalog files: Interchange kinds with their rules, core kinds with Backstage's validators",
    )
    .argument(
      '<file-or-glob...>',
      'catalog files, directories or globs, e.g. catalog-info.yaml or "catalog/**/*.yaml"',
    )
    .option('--format <format>', 'text or json', 'text')
    .option(
      '--cluster <id>',
      'a configured Kafka cluster id; repeat to list all (then unknown ids are errors)',
      collect,
    )
    .option(
      '--gateway <id>',
      'a configured gateway id; repeat to list all (then unknown ids are errors)',
      collect,
    )
    .action(async (patterns: string[], opts) => {
      process.exitCode = await validateCommand(patterns, opts);
    });

  program
    .command('routes')
    .description(
      'Preview the routes the gateway providers would ingest from gateway configuration files (Kong decK, Gateway API, Istio, AWS API Gateway exports), and what they would skip',
    )
    .argument('<file...>', 'configuration files, directories or globs')
    .option('--json', 'machine-readable output')
    .action(async (patterns: string[], opts) => {
      process.exitCode = await routesCommand(patterns, opts);
    });

  program
    .command('mesh')
    .description(
      'Preview the source -> destination rules service-mesh policy files declare (Istio AuthorizationPolicy, Linkerd policy, Consul service-intentions), and what they would skip',
    )
    .argument(
      '<paths...>',
      'policy files, directories or globs (YAML, JSON, HCL)',
    )
    .option('--json', 'machine-readable output')
    .action(async (patterns: string[], opts) => {
      process.exitCode = await meshCommand(patterns, opts);
    });

  program
    .command('check')
    .description(
      'Integration checks on catalog files: tight coupling, over-engineering and hygiene (exit 1 when an error is found)',
    )
    .argument('<paths...>', 'catalog files, directories or globs')
    .option('--format <format>', 'text, json or sarif', 'text')
    .option(
      '--config <app-config.yaml>',
      'read rule settings from interchange.checks in this file',
    )
    .action(async (patterns: string[], opts) => {
      process.exitCode = await checkCommand(patterns, opts);
    });

  program
    .command('strategy')
    .description(
      'Print the integration strategy document (Markdown, TechDocs-ready) generated from catalog files, as the portal serves it',
    )
    .argument('<paths...>', 'catalog files, directories or globs')
    .option(
      '--config <app-config.yaml>',
      'read principles, standards, platforms and check settings from interchange in this file',
    )
    .option(
      '--generated-at <time>',
      'print this date or time in the document and judge exception expiry by it (default: no time printed)',
    )
    .action(async (patterns: string[], opts) => {
      process.exitCode = await strategyCommand(patterns, opts);
    });

  const webhook = program
    .command('webhook')
    .description(
      'Sign or verify webhook payloads, for debugging a sender or receiver',
    );
  const schemeHelp = 'standard-webhooks, github, hmac-sha256 or none';
  webhook
    .command('sign')
    .description(
      "Print the signature headers a sender would add, as 'name: value' lines",
    )
    .requiredOption('--scheme <scheme>', schemeHelp)
    .requiredOption(
      '--secret-env <VAR>',
      'environment variable holding the secret (never pass the secret itself)',
    )
    .requiredOption('--body-file <file>', 'the exact body bytes to sign')
    .option('--id <id>', 'message id (default: a new one)')
    .option('--timestamp <unix>', 'unix seconds (default: now)')
    .action(async opts => {
      process.exitCode = await webhookSignCommand(opts);
    });
  webhook
    .command('verify')
    .description(
      'Exit 0 when the headers carry a valid signature of the body, 1 with the reason when not',
    )
    .requiredOption('--scheme <scheme>', schemeHelp)
    .requiredOption(
      '--secret-env <VAR>',
      'environment variable holding the secret (never pass the secret itself)',
    )
    .requiredOption('--body-file <file>', 'the exact body bytes received')
    .option(
      '--header <name: value>',
      "a received header, e.g. 'webhook-id: msg_1'; repeat for each",
      collect,
    )
    .option(
      '--now <unix>',
      'the time to check the timestamp against (default: now)',
    )
    .action(async opts => {
      process.exitCode = await webhookVerifyCommand(opts);
    });

  try {
    await program.parseAsync(argv);
  } catch (e: any) {
    if (
      e?.code === 'commander.helpDisplayed' ||
      e?.code === 'commander.version'
    ) {
      process.exitCode = 0;
    } else if (typeof e?.exitCode === 'number') {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
    } else {
      process.stderr.write(`interchange: ${e?.message ?? e}\n`);
      process.exitCode = 2;
    }
  }
}

main(process.argv);
