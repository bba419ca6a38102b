export * from './programs';
export * from './net';
export * from './prometheus';
export * from './collect';
