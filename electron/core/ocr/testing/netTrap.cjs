/**
 * Test instrument: every way Node code can reach the network throws and is reported on the
 * BroadcastChannel 'dalel-net-trap', which reaches every thread of the process. Required by
 * netTrapWorker.cjs inside tesseract.js's worker threads and by the no-network test in the main thread.
 */
'use strict';

const workerThreads = require('node:worker_threads');

const TRAPPED = Symbol.for('dalel.netTrap');

function install() {
  if (globalThis[TRAPPED]) return;
  globalThis[TRAPPED] = true;
  const channel = new workerThreads.BroadcastChannel('dalel-net-trap');
  channel.unref();
  const trap = (what) =>
    function trapped() {
      channel.postMessage({ what, thread: workerThreads.threadId });
      throw new Error(`network use blocked in a test: ${what}`);
    };
  const net = require('node:net');
  const tls = require('node:tls');
  const http = require('node:http');
  const https = require('node:https');
  const dns = require('node:dns');
  net.Socket.prototype.connect = trap('net.Socket.connect');
  net.connect = trap('net.connect');
  net.createConnection = trap('net.createConnection');
  tls.connect = trap('tls.connect');
  for (const mod of [http, https]) {
    mod.request = trap(`${mod === http ? 'http' : 'https'}.request`);
    mod.get = trap(`${mod === http ? 'http' : 'https'}.get`);
  }
  dns.lookup = trap('dns.lookup');
  dns.resolve = trap('dns.resolve');
  dns.promises.lookup = trap('dns.promises.lookup');
  globalThis.fetch = trap('fetch');
}

module.exports = { install };
