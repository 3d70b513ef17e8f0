/**
 * axe-core in a browser page: the serious and critical accessibility violations. The script is
 * evaluated, not added as a <script>: the pages' CSP (script-src 'self') refuses inline scripts, as it should.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const AXE = path.resolve('node_modules', 'axe-core', 'axe.min.js');

export interface AxeViolation { id: string; impact: string; help: string; nodes: string[] }

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const all = await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`) as AxeViolation[];
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
