// One JSON call helper for every workspace's black-box tests, kept in infra's test kit.
export { call, type JsonResponse } from '@paymesh/infra/testing';
