#!/usr/bin/env node
/*
 * The README's install instructions as the adoption test uses them: every
 * fenced block preceded by `<!-- adoption:NAME -->`. A block the test needs
 * and the README lacks is an error naming it, so the test runs exactly what
 * the README tells a reader to do.
 *
 *   node scripts/adoption/readme.cjs NAME     prints that block
 *   node scripts/adoption/readme.cjs --list   prints the block names
 */
const fs = require('node:fs');
const path = require('node:path');

const README = path.resolve(__dirname, '../../README.md');

/** @returns {Map<string, {lang: string, body: string}>} */
function readmeBlocks(text = fs.readFileSync(README, 'utf8')) {
  const blocks = new Map();
  const re = /<!--\s*adoption:([\w-]+)\s*-->\s*\n```(\w*)\n([\s\S]*?)\n```/g;
  for (const m of text.matchAll(re)) {
    if (blocks.has(m[1])) {
      throw new Error(`README.md: the block adoption:${m[1]} appears twice`);
    }
    blocks.set(m[1], { lang: m[2], body: `${m[3]}\n` });
  }
  return blocks;
}

function readmeBlock(name, blocks = readmeBlocks()) {
  const block = blocks.get(name);
  if (!block) {
    throw new Error(
      `README.md has no block marked <!-- adoption:${name} --> (the adoption test follows the README's install section)`,
    );
  }
  return block.body;
}

module.exports = { readmeBlocks, readmeBlock, README };

if (require.main === module) {
  const arg = process.argv[2];
  if (arg === '--list') console.log([...readmeBlocks().keys()].join('\n'));
  else process.stdout.write(readmeBlock(arg));
}
