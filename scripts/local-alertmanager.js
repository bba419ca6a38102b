// Alertmanager's config as `npm start` runs it: receivers may only point at programs that run
// here. The provisioned receivers all do (the OpsDesk server and its Alertmanager → IM bridge); a
// receiver a deployment adds for a host that does not exist on a developer's machine would be
// retried forever, every failure logged. Such configs are emptied instead: a receiver without
// configs is Alertmanager's way of saying "nobody" (the routes that name it stay valid).
const YAML = require('yaml');

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Whether a receiver config sends to a program on this machine. */
function isLocal(kind, config) {
  if (kind !== 'webhook_configs' || typeof config?.url !== 'string') return false;
  try {
    return LOCAL_HOSTS.has(new URL(config.url).hostname);
  } catch {
    return false;
  }
}

/**
 * The config (already rewritten for localhost) without the receiver configs that point elsewhere;
 * `dropped` says which, for the start-up log.
 */
function withLocalReceiversOnly(text) {
  const doc = YAML.parse(text);
  const dropped = [];
  for (const receiver of doc.receivers ?? []) {
    for (const [kind, configs] of Object.entries(receiver)) {
      if (!kind.endsWith('_configs') || !Array.isArray(configs)) continue;
      const kept = configs.filter((c) => isLocal(kind, c));
      for (const c of configs)
        if (!kept.includes(c))
          dropped.push({ receiver: receiver.name, kind, url: c?.url ?? c?.api_url ?? '' });
      if (kept.length) receiver[kind] = kept;
      else delete receiver[kind];
    }
  }
  const header =
    '# Written by scripts/start.js from provisioning/alertmanager/alertmanager.yml for `npm start`:\n' +
    '# hosts rewritten for localhost; receiver configs that point at programs not running here\n' +
    `# dropped (${dropped.map((d) => `${d.receiver}: ${d.url || d.kind}`).join(', ') || 'none'}).\n`;
  return { text: header + YAML.stringify(doc), dropped };
}

/**
 * The whole rewrite `npm start` makes of the provisioned config (already rewritten for
 * localhost): every receiver's token file (the Docker secret /run/secrets/opsdesk-token) becomes
 * the local one, the templates are read from the checkout, and only local receivers stay.
 */
function localAlertmanagerConfig(text, { token, templates }) {
  return withLocalReceiversOnly(
    text.replaceAll('/run/secrets/opsdesk-token', token).replaceAll('templates/*.tmpl', templates),
  );
}

module.exports = { withLocalReceiversOnly, localAlertmanagerConfig };
