export * from './collect';
export * from './net';
export * from './process';
export * from './programs';
export * from './prometheus';
export * from './exporter-checks';
export * from './arbitraries';
export * from './golden';
