// Drives the real Octokit client (ESM-only, so it cannot load inside Jest) against a fake GitHub.
// Input: env FAKE_GITHUB_PROGRAM = JSON { baseUrl, auth?, throttle?, ops: [...] } where each op is
//   { kind: 'rest', call: 'issues.createComment', params }      octokit.rest.<ns>.<name>(params)
//   { kind: 'paginate', call: 'pulls.listCommits', params }     the endpoint, then each Link rel="next"
//                                                                (plugin-paginate-rest is not installed)
//   { kind: 'request', route: 'GET /repos/{owner}/{repo}', params }
// Output (stdout): JSON { results: [{ ok, status, data, headers } | { ok: false, status, message, data }], events }.
import { Octokit } from '@octokit/core';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';

const program = JSON.parse(process.env.FAKE_GITHUB_PROGRAM ?? '{}');
const events = [];

const plugins = program.throttle ? [restEndpointMethods, retry, throttling] : [restEndpointMethods, retry];
const Client = Octokit.plugin(...plugins);
const octokit = new Client({
  baseUrl: program.baseUrl,
  auth: program.auth,
  userAgent: 'fake-github-test',
  log: { debug() {}, info() {}, warn() {}, error() {} },
  // Real retry logic, millisecond waits: retry after 1, 4, 9 ms instead of seconds.
  retry: { retryAfterBaseValue: 1 },
  throttle: {
    retryAfterBaseValue: 5,
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    onRateLimit: (retryAfter, options, _octokit, retryCount) => {
      events.push({ event: 'rate-limit', retryAfter, route: `${options.method} ${options.url}`, retryCount });
      return retryCount < 2;
    },
    onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) => {
      events.push({
        event: 'secondary-rate-limit',
        retryAfter,
        route: `${options.method} ${options.url}`,
        retryCount,
      });
      return retryCount < 2;
    },
  },
});

function endpoint(call) {
  const [ns, name] = call.split('.');
  const fn = octokit.rest[ns]?.[name];
  if (typeof fn !== 'function') throw new Error(`unknown endpoint method ${call}`);
  return fn;
}

const results = [];
for (const op of program.ops ?? []) {
  try {
    if (op.kind === 'paginate') {
      const data = [];
      let res = await endpoint(op.call)({ per_page: 100, ...op.params });
      for (let pages = 1; ; pages++) {
        data.push(...res.data);
        const next = /<([^<>]+)>;\s*rel="next"/.exec(res.headers.link ?? '')?.[1];
        if (!next || pages >= 100) break;
        res = await octokit.request({ method: 'GET', url: next });
      }
      results.push({ ok: true, status: 200, data, headers: {} });
    } else {
      const res =
        op.kind === 'rest' ? await endpoint(op.call)(op.params) : await octokit.request(op.route, op.params);
      results.push({ ok: true, status: res.status, data: res.data, headers: res.headers });
    }
  } catch (e) {
    results.push({
      ok: false,
      status: e.status ?? 0,
      message: String(e.message),
      data: e.response?.data ?? null,
    });
  }
}
process.stdout.write(JSON.stringify({ results, events }));
