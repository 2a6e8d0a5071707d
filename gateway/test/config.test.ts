import { expect } from 'chai';
import { ConfigError } from '@paymesh/shared/config';
import { loadGatewayConfig } from '../src/config.js';

describe('gateway configuration (unit)', () => {
  it('starts on this machine with nothing set: port 8080, local services, the documented limits', () => {
    const config = loadGatewayConfig({});

    expect(config).to.include({
      PORT: 8080,
      AUTH_SERVICE_URL: 'http://localhost:8081',
      AUTH_JWKS_URL: 'http://localhost:8081/.well-known/jwks.json',
      BODY_LIMIT_BYTES: 65536,
      RATE_LIMIT_LOGIN_PER_IP: 10,
      RATE_LIMIT_LOGIN_PER_USERNAME: 5,
      RATE_LIMIT_REGISTER_PER_IP: 10,
      RATE_LIMIT_HEALTH_PER_IP: 60,
      HEALTH_CACHE_MS: 1000,
      STREAM_MAX_PER_CLIENT: 4,
      STREAM_MAX_TOTAL: 1000,
      STREAM_MIN_INTERVAL_MS: 250,
      TRUST_PROXY: false,
    });
    expect(config.CORS_ORIGINS).to.deep.equal(['http://localhost:3000']);
  });

  it('derives the JWKS address from AUTH_SERVICE_URL unless AUTH_JWKS_URL is given', () => {
    expect(loadGatewayConfig({ AUTH_SERVICE_URL: 'http://auth:9000' }).AUTH_JWKS_URL).to.equal('http://auth:9000/.well-known/jwks.json');
    expect(loadGatewayConfig({ AUTH_JWKS_URL: 'http://keys/jwks' }).AUTH_JWKS_URL).to.equal('http://keys/jwks');
  });

  it('reads TRUST_PROXY as Express does: off, a hop count, or a subnet list', () => {
    expect(loadGatewayConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).to.equal(1);
    expect(loadGatewayConfig({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).to.equal('loopback');
  });

  it('names every bad variable in one error', () => {
    const load = () => loadGatewayConfig({ PORT: 'eighty', PAYMENT_SERVICE_URL: 'not a url', RATE_LIMIT_PER_IP: '-1', STREAM_MIN_INTERVAL_MS: '5', HEALTH_CACHE_MS: 'soon' });

    expect(load).to.throw(ConfigError).with.property('message').that.includes('PORT').and.includes('PAYMENT_SERVICE_URL').and.includes('RATE_LIMIT_PER_IP').and.includes('STREAM_MIN_INTERVAL_MS').and.includes('HEALTH_CACHE_MS');
  });

  it('takes a list of instances per upstream, which replaces the single URL; with none, the single URL is the one instance', () => {
    const config = loadGatewayConfig({ PAYMENT_SERVICE_URL: 'http://p:1', PAYMENT_SERVICE_URLS: 'http://p:1, http://p:2', AUTH_SERVICE_URL: 'http://a:1' });

    expect(config.UPSTREAM_URLS.payment).to.deep.equal(['http://p:1', 'http://p:2']);
    expect(config.UPSTREAM_URLS.auth).to.deep.equal(['http://a:1']);
    expect(config.BALANCE_POLICY).to.equal('least_in_flight');
  });

  it('names every bad instance list in one error: not a URL, listed twice, empty, and an unknown policy', () => {
    const load = () =>
      loadGatewayConfig({
        PAYMENT_SERVICE_URLS: 'http://p:1,payment:2',
        AUTH_SERVICE_URLS: 'http://a:1,http://a:1',
        ANALYTICS_SERVICE_URLS: ' , ',
        BALANCE_POLICY: 'random',
      });

    expect(load).to.throw(ConfigError).with.property('message').that.includes('PAYMENT_SERVICE_URLS').and.includes('AUTH_SERVICE_URLS').and.includes('ANALYTICS_SERVICE_URLS').and.includes('BALANCE_POLICY');
  });
});
