// The hostile strings of the sandbox's specimen (server/sandbox/specimens.ts), for the component
// tests under src/ (which ESLint keeps from importing server/ directly: that rule is for app code).
export { HOSTILE } from '../server/sandbox/specimens';
