/** Types for scripts/nativeModules.mjs (plain Node, used by scripts/native-for.mjs and by tests). */
export interface NativeEntry {
  name: string;
  /** JavaScript run in a child Node process to load the module as the app does */
  load: string;
}
export interface ProductionPackage {
  name: string;
  dir: string;
}
export interface NativePackage extends ProductionPackage {
  binaries: string[];
  buildable: boolean;
}
export type Probe = { name: string; loaded: true; objects: string[] } | { name: string; loaded: false; error: string };
export interface ElectronPlan {
  ready: Array<{ entry: string; package: string | null; binary: string }>;
  linked: Array<{ entry: string; library: string }>;
  rebuild: string[];
  missing: string[];
}
export const APP_NATIVE_ENTRIES: NativeEntry[];
export function isNodeApiBinary(bytes: Buffer): boolean;
export function productionPackages(root: string): ProductionPackage[];
export function nativePackages(packages: ProductionPackage[]): NativePackage[];
export function probeEntries(root: string, entries?: NativeEntry[]): Probe[];
export function planForElectron(input: { root: string; probes: Probe[]; natives: NativePackage[]; platform?: string; arch?: string }): ElectronPlan;
export function checkForElectron(root: string, entries?: NativeEntry[]): ElectronPlan;
export function electronVersion(root: string): string;
