// Preloaded into a test's child processes (node --require): any attempt to reach the network is
// recorded in DALEL_NETWORK_LOG and fails. Used where `unshare -n` (no network at all) is unavailable.
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');

const log = process.env.DALEL_NETWORK_LOG;
function refuse(what) {
  if (log) fs.appendFileSync(log, `${process.pid} ${what}\n`);
  throw new Error(`network access refused in test: ${what}`);
}
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const target = Array.isArray(args[0]) ? args[0][0] : args[0];
  // A Unix-domain socket or Windows pipe is local IPC, not network (the test runner's TypeScript
  // loader, tsx, talks to its parent that way): let it through.
  const path = typeof target === 'string' ? target : target && target.path;
  if (path && !target.port) return connect.apply(this, args);
  return refuse(`connect ${JSON.stringify(target && typeof target === 'object' ? { host: target.host, port: target.port } : target)}`);
};
dns.lookup = (host) => refuse(`dns ${host}`);
dns.promises.lookup = async (host) => refuse(`dns ${host}`);
http.request = (url) => refuse(`http ${String(url && url.href ? url.href : url)}`);
https.request = (url) => refuse(`https ${String(url && url.href ? url.href : url)}`);
globalThis.fetch = async (url) => refuse(`fetch ${String(url)}`);
