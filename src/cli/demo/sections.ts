/**
 * The sections of `descent demo`, in the order of the report: first the notebook (seed 002), then the notes on
 * gradient descent (003), the methods of the lectures and of the EECS 498 notes (000, 001, 004), then the same ideas
 * on real data (batch size, feature scaling, optimizers compared by validation loss, AdamW, early stopping), and last lecture 6's warnings
 * about memory and about Adam's convergence.
 */
import { adagradRmspropSection } from './adagrad-rmsprop.js';
import { adamBiasSection } from './adam-bias.js';
import { adamwSection } from './adamw.js';
import { amsgradSection } from './amsgrad.js';
import { baselinesSection } from './baselines.js';
import { batchSizeSection } from './batch-size.js';
import { coordinateWiseSection } from './coordinate-wise.js';
import { earlyStoppingSection } from './early-stopping.js';
import { featureScalingSection } from './feature-scaling.js';
import { memorySection } from './memory.js';
import { momentumSection } from './momentum.js';
import { notebookSection } from './notebook.js';
import { optimizersOnDataSection } from './optimizers-on-data.js';
import { parabolaSection } from './parabola.js';
import { paraboloidSection } from './paraboloid.js';
import { saddlePlateauSection } from './saddle-plateau.js';
import { schedulesSection } from './schedules.js';
import type { DemoSection } from './section.js';
import { wavySection } from './wavy.js';

export const demoSections: readonly DemoSection[] = [
  notebookSection,
  parabolaSection,
  wavySection,
  paraboloidSection,
  coordinateWiseSection,
  momentumSection,
  adagradRmspropSection,
  adamBiasSection,
  saddlePlateauSection,
  baselinesSection,
  schedulesSection,
  batchSizeSection,
  featureScalingSection,
  optimizersOnDataSection,
  adamwSection,
  earlyStoppingSection,
  memorySection,
  amsgradSection,
];
