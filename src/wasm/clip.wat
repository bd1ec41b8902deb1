;; The reductions and rescalings of gradient clipping (src/optim/clip.ts, torch.nn.utils.clip_grad_norm_ and
;; clip_grad_value_), written out per precision (not a template: float32 buffers are summed and scaled in float64,
;; as the TypeScript loops do). Pointers are byte offsets; `end` is a byte length that is a multiple of 16: the
;; caller runs the whole vectors here and the last < 16 bytes in TypeScript, so padding lanes are never read.
;;
;;   sumsq:  Σ_i g_i²        sumabs: Σ_i |g_i|        maxabs: max(0, max_i |g_i|)   (NaN propagates)
;;   scale:  g_i ← c · g_i   (c in float64; float32 lanes promoted, multiplied, rounded back: one rounding, as g[i] *= c)
;;   clamp:  g_i ← min(max(g_i, −c), c)
;;
;; Summation order: each lane of four f64x2 accumulators keeps its own partial sum (8 partial sums), added together
;; at the end; the TypeScript loop adds left to right. So the sums differ from the loop's by rounding only, a
;; difference that grows with the length and the spread of the magnitudes: measured (Σg², values spread over 8
;; decades, against a compensated sum) loop and lanes differ by 5e-16 relative at 1e3 elements, 3e-14 at 1e5 and
;; 9e-13 at 1e6, where the lanes are the more exact (error 6e-14 against the loop's 9.6e-13: eight short sums).
;; test/optim/wasm-clip.test.ts holds them to 1e-14 relative up to 4099 elements. max, scale and clamp are exact:
;; the same bits as the loops.
;; Four accumulators (each an f64x2), fed from four vectors (float64) or two (float32: the low and high halves of
;; each f32x4) per iteration: one accumulator would wait on its own add, 4 cycles, for each vector (half the
;; bandwidth); four keep the loop at memory speed. The last vectors (fewer than one iteration's) go to the first.
(func $sumsq_f64 (export "sumsq_f64") (param $p i32) (param $end i32) (result f64)
  (local $i i32) (local $q i32) (local $x v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
  (block $done4
    (loop $next4
      (br_if $done4 (i32.gt_u (i32.add (local.get $i) (i32.const 64)) (local.get $end)))
      (local.set $q (i32.add (local.get $p) (local.get $i)))
      (local.set $x (v128.load offset=0 (local.get $q)))
      (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $x) (local.get $x))))
      (local.set $x (v128.load offset=16 (local.get $q)))
      (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $x) (local.get $x))))
      (local.set $x (v128.load offset=32 (local.get $q)))
      (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $x) (local.get $x))))
      (local.set $x (v128.load offset=48 (local.get $q)))
      (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $x) (local.get $x))))
      (local.set $i (i32.add (local.get $i) (i32.const 64)))
      (br $next4)))
  (block $done
    (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $x (v128.load (i32.add (local.get $p) (local.get $i))))
      (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $x) (local.get $x))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $next)))
  (local.set $a0 (f64x2.add (f64x2.add (local.get $a0) (local.get $a1)) (f64x2.add (local.get $a2) (local.get $a3))))
  (f64.add (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
(func $sumsq_f32 (export "sumsq_f32") (param $p i32) (param $end i32) (result f64)
  (local $i i32) (local $q i32) (local $x v128) (local $h v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
  (block $done2
    (loop $next2
      (br_if $done2 (i32.gt_u (i32.add (local.get $i) (i32.const 32)) (local.get $end)))
      (local.set $q (i32.add (local.get $p) (local.get $i)))
      (local.set $x (v128.load offset=0 (local.get $q)))
      (local.set $h (f64x2.promote_low_f32x4 (local.get $x)))
      (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $h) (local.get $h))))
      (local.set $h (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $x) (local.get $x))))
      (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $h) (local.get $h))))
      (local.set $x (v128.load offset=16 (local.get $q)))
      (local.set $h (f64x2.promote_low_f32x4 (local.get $x)))
      (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $h) (local.get $h))))
      (local.set $h (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $x) (local.get $x))))
      (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $h) (local.get $h))))
      (local.set $i (i32.add (local.get $i) (i32.const 32)))
      (br $next2)))
  (block $done
    (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $x (v128.load (i32.add (local.get $p) (local.get $i))))
      (local.set $h (f64x2.promote_low_f32x4 (local.get $x)))
      (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $h) (local.get $h))))
      (local.set $h (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $x) (local.get $x))))
      (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $h) (local.get $h))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $next)))
  (local.set $a0 (f64x2.add (f64x2.add (local.get $a0) (local.get $a1)) (f64x2.add (local.get $a2) (local.get $a3))))
  (f64.add (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
(func $sumabs_f64 (export "sumabs_f64") (param $p i32) (param $end i32) (result f64)
  (local $i i32) (local $q i32) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
  (block $done4
    (loop $next4
      (br_if $done4 (i32.gt_u (i32.add (local.get $i) (i32.const 64)) (local.get $end)))
      (local.set $q (i32.add (local.get $p) (local.get $i)))
      (local.set $a0 (f64x2.add (local.get $a0) (f64x2.abs (v128.load offset=0 (local.get $q)))))
      (local.set $a1 (f64x2.add (local.get $a1) (f64x2.abs (v128.load offset=16 (local.get $q)))))
      (local.set $a2 (f64x2.add (local.get $a2) (f64x2.abs (v128.load offset=32 (local.get $q)))))
      (local.set $a3 (f64x2.add (local.get $a3) (f64x2.abs (v128.load offset=48 (local.get $q)))))
      (local.set $i (i32.add (local.get $i) (i32.const 64)))
      (br $next4)))
  (block $done
    (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $a0 (f64x2.add (local.get $a0) (f64x2.abs (v128.load (i32.add (local.get $p) (local.get $i))))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $next)))
  (local.set $a0 (f64x2.add (f64x2.add (local.get $a0) (local.get $a1)) (f64x2.add (local.get $a2) (local.get $a3))))
  (f64.add (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
(func $sumabs_f32 (export "sumabs_f32") (param $p i32) (param $end i32) (result f64)
  (local $i i32) (local $q i32) (local $x v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
  (block $done2
    (loop $next2
      (br_if $done2 (i32.gt_u (i32.add (local.get $i) (i32.const 32)) (local.get $end)))
      (local.set $q (i32.add (local.get $p) (local.get $i)))
      (local.set $x (f32x4.abs (v128.load offset=0 (local.get $q))))
      (local.set $a0 (f64x2.add (local.get $a0) (f64x2.promote_low_f32x4 (local.get $x))))
      (local.set $a1 (f64x2.add (local.get $a1) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $x) (local.get $x)))))
      (local.set $x (f32x4.abs (v128.load offset=16 (local.get $q))))
      (local.set $a2 (f64x2.add (local.get $a2) (f64x2.promote_low_f32x4 (local.get $x))))
      (local.set $a3 (f64x2.add (local.get $a3) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $x) (local.get $x)))))
      (local.set $i (i32.add (local.get $i) (i32.const 32)))
      (br $next2)))
  (block $done
    (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $x (f32x4.abs (v128.load (i32.add (local.get $p) (local.get $i)))))
      (local.set $a0 (f64x2.add (local.get $a0) (f64x2.promote_low_f32x4 (local.get $x))))
      (local.set $a1 (f64x2.add (local.get $a1) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $x) (local.get $x)))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $next)))
  (local.set $a0 (f64x2.add (f64x2.add (local.get $a0) (local.get $a1)) (f64x2.add (local.get $a2) (local.get $a3))))
  (f64.add (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
;; The maxima run four accumulators too (max is exact in any order; a NaN in any lane propagates through f64x2.max
;; and f32x4.max, as through Math.max). Over float32 lanes the max is taken in float32: exact, and the maximum of
;; float32 values is one of them.
(func $maxabs_f64 (export "maxabs_f64") (param $p i32) (param $end i32) (result f64)
  (local $i i32) (local $q i32) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
  (block $done4
    (loop $next4
      (br_if $done4 (i32.gt_u (i32.add (local.get $i) (i32.const 64)) (local.get $end)))
      (local.set $q (i32.add (local.get $p) (local.get $i)))
      (local.set $a0 (f64x2.max (local.get $a0) (f64x2.abs (v128.load offset=0 (local.get $q)))))
      (local.set $a1 (f64x2.max (local.get $a1) (f64x2.abs (v128.load offset=16 (local.get $q)))))
      (local.set $a2 (f64x2.max (local.get $a2) (f64x2.abs (v128.load offset=32 (local.get $q)))))
      (local.set $a3 (f64x2.max (local.get $a3) (f64x2.abs (v128.load offset=48 (local.get $q)))))
      (local.set $i (i32.add (local.get $i) (i32.const 64)))
      (br $next4)))
  (block $done
    (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $a0 (f64x2.max (local.get $a0) (f64x2.abs (v128.load (i32.add (local.get $p) (local.get $i))))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $next)))
  (local.set $a0 (f64x2.max (f64x2.max (local.get $a0) (local.get $a1)) (f64x2.max (local.get $a2) (local.get $a3))))
  (f64.max (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
(func $maxabs_f32 (export "maxabs_f32") (param $p i32) (param $end i32) (result f64)
  (local $i i32) (local $q i32) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
  (block $done4
    (loop $next4
      (br_if $done4 (i32.gt_u (i32.add (local.get $i) (i32.const 64)) (local.get $end)))
      (local.set $q (i32.add (local.get $p) (local.get $i)))
      (local.set $a0 (f32x4.max (local.get $a0) (f32x4.abs (v128.load offset=0 (local.get $q)))))
      (local.set $a1 (f32x4.max (local.get $a1) (f32x4.abs (v128.load offset=16 (local.get $q)))))
      (local.set $a2 (f32x4.max (local.get $a2) (f32x4.abs (v128.load offset=32 (local.get $q)))))
      (local.set $a3 (f32x4.max (local.get $a3) (f32x4.abs (v128.load offset=48 (local.get $q)))))
      (local.set $i (i32.add (local.get $i) (i32.const 64)))
      (br $next4)))
  (block $done
    (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $a0 (f32x4.max (local.get $a0) (f32x4.abs (v128.load (i32.add (local.get $p) (local.get $i))))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $next)))
  (local.set $a0 (f32x4.max (f32x4.max (local.get $a0) (local.get $a1)) (f32x4.max (local.get $a2) (local.get $a3))))
  (f64.promote_f32 (f32.max
    (f32.max (f32x4.extract_lane 0 (local.get $a0)) (f32x4.extract_lane 1 (local.get $a0)))
    (f32.max (f32x4.extract_lane 2 (local.get $a0)) (f32x4.extract_lane 3 (local.get $a0))))))
(func $scale_f64 (export "scale_f64") (param $p i32) (param $end i32) (param $c f64)
  (local $i i32) (local $C v128)
  (local.set $C (f64x2.splat (local.get $c)))
  (block $done
    (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (v128.store (i32.add (local.get $p) (local.get $i)) (f64x2.mul (v128.load (i32.add (local.get $p) (local.get $i))) (local.get $C)))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $next))))
(func $scale_f32 (export "scale_f32") (param $p i32) (param $end i32) (param $c f64)
  (local $i i32) (local $x v128) (local $C v128)
  (local.set $C (f64x2.splat (local.get $c)))
  (block $done
    (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $x (v128.load (i32.add (local.get $p) (local.get $i))))
      ;; lanes 0–1 and 2–3 promoted, scaled in float64, demoted (round to nearest) and put back together
      (v128.store (i32.add (local.get $p) (local.get $i))
        (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (local.get $x)) (local.get $C)))
          (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4
            (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $x) (local.get $x))) (local.get $C)))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $next))))
;; clamp_f32 takes c as float32 (the JS number rounded to nearest): for float32 g, comparing with fround(c) gives
;; the same result as the loop's float64 comparison followed by its float32 store.
(func $clamp_f64 (export "clamp_f64") (param $p i32) (param $end i32) (param $c f64)
  (local $i i32) (local $C v128) (local $NEGC v128)
  (local.set $C (f64x2.splat (local.get $c)))
  (local.set $NEGC (f64x2.neg (local.get $C)))
  (block $done
    (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (v128.store (i32.add (local.get $p) (local.get $i))
        (f64x2.min (f64x2.max (v128.load (i32.add (local.get $p) (local.get $i))) (local.get $NEGC)) (local.get $C)))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $next))))
(func $clamp_f32 (export "clamp_f32") (param $p i32) (param $end i32) (param $c f32)
  (local $i i32) (local $C v128) (local $NEGC v128)
  (local.set $C (f32x4.splat (local.get $c)))
  (local.set $NEGC (f32x4.neg (local.get $C)))
  (block $done
    (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (v128.store (i32.add (local.get $p) (local.get $i))
        (f32x4.min (f32x4.max (v128.load (i32.add (local.get $p) (local.get $i))) (local.get $NEGC)) (local.get $C)))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $next))))
;; The same through the arena's scalar block at byte offset $s (src/wasm/memory.ts): a reduction stores its float64
;; result there, a map reads its c from there (float64; float32 for clamp_f32). A float returned to JavaScript, or
;; passed from it, is boxed: a JS allocation per call that the block avoids.
(func (export "sumsq_s_f64") (param $p i32) (param $end i32) (param $s i32) (f64.store (local.get $s) (call $sumsq_f64 (local.get $p) (local.get $end))))
(func (export "sumsq_s_f32") (param $p i32) (param $end i32) (param $s i32) (f64.store (local.get $s) (call $sumsq_f32 (local.get $p) (local.get $end))))
(func (export "sumabs_s_f64") (param $p i32) (param $end i32) (param $s i32) (f64.store (local.get $s) (call $sumabs_f64 (local.get $p) (local.get $end))))
(func (export "sumabs_s_f32") (param $p i32) (param $end i32) (param $s i32) (f64.store (local.get $s) (call $sumabs_f32 (local.get $p) (local.get $end))))
(func (export "maxabs_s_f64") (param $p i32) (param $end i32) (param $s i32) (f64.store (local.get $s) (call $maxabs_f64 (local.get $p) (local.get $end))))
(func (export "maxabs_s_f32") (param $p i32) (param $end i32) (param $s i32) (f64.store (local.get $s) (call $maxabs_f32 (local.get $p) (local.get $end))))
(func (export "scale_s_f64") (param $p i32) (param $end i32) (param $s i32) (call $scale_f64 (local.get $p) (local.get $end) (f64.load (local.get $s))))
(func (export "scale_s_f32") (param $p i32) (param $end i32) (param $s i32) (call $scale_f32 (local.get $p) (local.get $end) (f64.load (local.get $s))))
(func (export "clamp_s_f64") (param $p i32) (param $end i32) (param $s i32) (call $clamp_f64 (local.get $p) (local.get $end) (f64.load (local.get $s))))
(func (export "clamp_s_f32") (param $p i32) (param $end i32) (param $s i32) (call $clamp_f32 (local.get $p) (local.get $end) (f32.load (local.get $s))))
