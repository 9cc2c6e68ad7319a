// From the one SARIF report of the lint step: workflow annotations, errors first (GitHub shows only the first few
// of each kind per step), and a job summary with the counts per rule and the first findings by severity.
// Usage: node report.cjs REPORT.sarif SUMMARY_FILE
'use strict';
const fs = require('fs');

const ORDER = { error: 0, warning: 1, note: 2, none: 3 };
const COMMAND = { error: 'error', warning: 'warning', note: 'notice', none: 'notice' };
const FIRST_FINDINGS = 20;

const data = (s) => String(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

function findings(sarif) {
  const out = [];
  for (const run of sarif.runs || []) {
    const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
    for (const result of run.results || []) {
      if (result.suppressions && result.suppressions.length > 0) {
        continue;
      }
      const rule = rules[result.ruleIndex] || {};
      const level = result.level || (rule.defaultConfiguration && rule.defaultConfiguration.level) || 'warning';
      const physical = result.locations && result.locations[0] && result.locations[0].physicalLocation;
      const uri = physical && physical.artifactLocation && physical.artifactLocation.uri;
      out.push({
        ruleId: result.ruleId,
        level,
        path: uri ? decodeURIComponent(uri) : '',
        region: (physical && physical.region) || {},
        message: (result.message && result.message.text) || '',
      });
    }
  }
  // Stable: by severity, then in the report's own order (path, line, column).
  return out.map((f, i) => [f, i]).sort((a, b) => (ORDER[a[0].level] - ORDER[b[0].level]) || (a[1] - b[1]))
      .map((pair) => pair[0]);
}

function annotation(f) {
  const props = [];
  if (f.path) {
    props.push('file=' + property(f.path));
    for (const [key, name] of [['startLine', 'line'], ['startColumn', 'col'], ['endLine', 'endLine'], ['endColumn', 'endColumn']]) {
      if (f.region[key] !== undefined) {
        props.push(name + '=' + f.region[key]);
      }
    }
  }
  props.push('title=' + property(f.ruleId));
  return '::' + COMMAND[f.level] + ' ' + props.join(',') + '::' + data(f.message);
}

function summary(all, notifications) {
  const lines = ['## migration-guard', ''];
  const counts = { error: 0, warning: 0, note: 0 };
  const perRule = new Map();
  for (const f of all) {
    counts[f.level] = (counts[f.level] || 0) + 1;
    const key = f.ruleId;
    const entry = perRule.get(key) || { level: f.level, count: 0 };
    entry.count++;
    perRule.set(key, entry);
  }
  if (all.length === 0) {
    lines.push('No findings.');
  } else {
    lines.push(`${all.length} findings: ${counts.error} errors, ${counts.warning} warnings, ${counts.note} notes.`, '');
    lines.push('| rule | severity | findings |', '|---|---|---:|');
    const rows = [...perRule.entries()].sort((a, b) => (ORDER[a[1].level] - ORDER[b[1].level]) || (b[1].count - a[1].count)
        || a[0].localeCompare(b[0]));
    for (const [rule, entry] of rows) {
      lines.push(`| \`${rule}\` | ${entry.level} | ${entry.count} |`);
    }
    lines.push('', all.length > FIRST_FINDINGS ? `### The first ${FIRST_FINDINGS} findings, most severe first` : '### Findings', '');
    lines.push('| severity | location | rule | message |', '|---|---|---|---|');
    for (const f of all.slice(0, FIRST_FINDINGS)) {
      const where = f.path ? `${f.path}${f.region.startLine ? ':' + f.region.startLine : ''}` : '';
      lines.push(`| ${f.level} | \`${cell(where)}\` | \`${f.ruleId}\` | ${cell(f.message.split('\n')[0])} |`);
    }
  }
  if (notifications.length > 0) {
    lines.push('', `${notifications.length} files could not be read or were skipped; see the SARIF report's notifications.`);
  }
  return lines.join('\n') + '\n';
}

function main() {
  const [reportFile, summaryFile] = process.argv.slice(2);
  const sarif = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  const all = findings(sarif);
  for (const f of all) {
    process.stdout.write(annotation(f) + '\n');
  }
  const notifications = [];
  for (const run of sarif.runs || []) {
    for (const invocation of run.invocations || []) {
      notifications.push(...(invocation.toolExecutionNotifications || []));
    }
  }
  if (summaryFile) {
    fs.appendFileSync(summaryFile, summary(all, notifications));
  }
}

main();
