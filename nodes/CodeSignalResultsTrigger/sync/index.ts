/**
 * What other nodes may use of the sync engine: Test Session → Get Finished Between reads a window of finished
 * sessions with the same scan and source as the Results Trigger.
 */
export { codeSignalSyncSource } from './source';
export { finishedBetween, type FinishedWindow } from './window';
