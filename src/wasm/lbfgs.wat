;; LBFGS's flat-vector operations (src/optim/flat.ts: dot, absSum, absMax, scaleInto, subInto), the WebAssembly
;; twins that src/wasm/lbfgs-vectors.ts runs over one arena holding all of LBFGS's vectors. Written per precision,
;; not a template: the reductions' accumulators and the scalar casts differ. The fused y ← y + αx is in
;; lbfgs-axpy.wat. Pointers are byte offsets; scalars come and results go through the arena's scalar block at
;; byte `s` (src/wasm/memory.ts), always as float64: a float32 kernel rounds its scalar to float32 (Math.fround),
;; as flat.ts's `castTo` does.
;;
;;   dot:     Σ aᵢbᵢ         summed in order in the arrays' precision (torch's reference-BLAS dot is sequential)
;;   abssum:  Σ |aᵢ|         in order, in the arrays' precision
;;   absmax:  max(0, maxᵢ |c·aᵢ|)   the product rounded to the precision; NaN propagates (c = 1: ‖a‖_∞)
;;   scale:   outᵢ ← c·xᵢ
;;   sub:     outᵢ ← aᵢ − bᵢ
;;
;; The sums are scalar code on purpose: SIMD lanes would add in another order, and LBFGS's float64 run is torch's
;; bit for bit only with the sequential order (the loop is latency-bound either way). float32: f32.mul and f32.add
;; round once each, exactly as Math.fround of the double product and sum of two float32 values (the product is
;; exact in a double, and a double sum of two floats rounded to float is the float sum). The max is exact in any
;; order, so it runs in lanes. The reductions take the element count `n` and read nothing past it (an arena's
;; padding lanes may hold anything); the maps take `end`, the byte length rounded up to 16, and write whole
;; vectors, padding included (every buffer they write is an arena allocation, whose padding is its own). Loops test
;; their condition at the bottom: only then does V8 hoist a loop's invariants (the splats) out of it.
(func (export "dot_f64") (param $a i32) (param $b i32) (param $n i32) (param $s i32)
  (local $i i32) (local $end i32) (local $sum f64)
  (local.set $end (i32.shl (local.get $n) (i32.const 3)))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      (local.set $sum (f64.add (local.get $sum)
        (f64.mul (f64.load (i32.add (local.get $a) (local.get $i))) (f64.load (i32.add (local.get $b) (local.get $i))))))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 8))) (local.get $end))))))
  (f64.store (local.get $s) (local.get $sum)))
(func (export "dot_f32") (param $a i32) (param $b i32) (param $n i32) (param $s i32)
  (local $i i32) (local $end i32) (local $sum f32)
  (local.set $end (i32.shl (local.get $n) (i32.const 2)))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      (local.set $sum (f32.add (local.get $sum)
        (f32.mul (f32.load (i32.add (local.get $a) (local.get $i))) (f32.load (i32.add (local.get $b) (local.get $i))))))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (local.get $end))))))
  (f64.store (local.get $s) (f64.promote_f32 (local.get $sum))))
(func (export "abssum_f64") (param $a i32) (param $n i32) (param $s i32)
  (local $i i32) (local $end i32) (local $sum f64)
  (local.set $end (i32.shl (local.get $n) (i32.const 3)))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      (local.set $sum (f64.add (local.get $sum) (f64.abs (f64.load (i32.add (local.get $a) (local.get $i))))))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 8))) (local.get $end))))))
  (f64.store (local.get $s) (local.get $sum)))
(func (export "abssum_f32") (param $a i32) (param $n i32) (param $s i32)
  (local $i i32) (local $end i32) (local $sum f32)
  (local.set $end (i32.shl (local.get $n) (i32.const 2)))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      (local.set $sum (f32.add (local.get $sum) (f32.abs (f32.load (i32.add (local.get $a) (local.get $i))))))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (local.get $end))))))
  (f64.store (local.get $s) (f64.promote_f32 (local.get $sum))))
;; absmax: whole vectors in lanes, then the last elements (fewer than one vector) one by one. The lanes use pmax
;; (b where a < b, else a: one maxpd instruction, where max's NaN and ±0 rules take several) and note NaNs apart;
;; all values are ≥ +0, so only NaN needs the care, and any NaN makes the result NaN, as Math.max does.
(func (export "absmax_f64") (param $a i32) (param $n i32) (param $s i32)
  (local $i i32) (local $whole i32) (local $end i32) (local $c f64) (local $C v128) (local $v v128) (local $acc v128) (local $nan v128) (local $m f64)
  (local.set $c (f64.load (local.get $s)))
  (local.set $C (f64x2.splat (local.get $c)))
  (local.set $end (i32.shl (local.get $n) (i32.const 3)))
  (local.set $whole (i32.and (local.get $end) (i32.const -16)))
  (if (i32.lt_u (local.get $i) (local.get $whole)) (then
    (loop $next
      (local.set $v (f64x2.abs (f64x2.mul (v128.load (i32.add (local.get $a) (local.get $i))) (local.get $C))))
      (local.set $acc (f64x2.pmax (local.get $acc) (local.get $v)))
      (local.set $nan (v128.or (local.get $nan) (f64x2.ne (local.get $v) (local.get $v))))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16))) (local.get $whole))))))
  (local.set $m (f64.max (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))
  (if (v128.any_true (local.get $nan)) (then (local.set $m (f64.const nan))))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $tail
      (local.set $m (f64.max (local.get $m) (f64.abs (f64.mul (f64.load (i32.add (local.get $a) (local.get $i))) (local.get $c)))))
      (br_if $tail (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 8))) (local.get $end))))))
  (f64.store (local.get $s) (local.get $m)))
(func (export "absmax_f32") (param $a i32) (param $n i32) (param $s i32)
  (local $i i32) (local $whole i32) (local $end i32) (local $c f32) (local $C v128) (local $v v128) (local $acc v128) (local $nan v128) (local $m f32)
  (local.set $c (f32.demote_f64 (f64.load (local.get $s))))
  (local.set $C (f32x4.splat (local.get $c)))
  (local.set $end (i32.shl (local.get $n) (i32.const 2)))
  (local.set $whole (i32.and (local.get $end) (i32.const -16)))
  (if (i32.lt_u (local.get $i) (local.get $whole)) (then
    (loop $next
      (local.set $v (f32x4.abs (f32x4.mul (v128.load (i32.add (local.get $a) (local.get $i))) (local.get $C))))
      (local.set $acc (f32x4.pmax (local.get $acc) (local.get $v)))
      (local.set $nan (v128.or (local.get $nan) (f32x4.ne (local.get $v) (local.get $v))))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16))) (local.get $whole))))))
  (local.set $m (f32.max
    (f32.max (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
    (f32.max (f32x4.extract_lane 2 (local.get $acc)) (f32x4.extract_lane 3 (local.get $acc)))))
  (if (v128.any_true (local.get $nan)) (then (local.set $m (f32.const nan))))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $tail
      (local.set $m (f32.max (local.get $m) (f32.abs (f32.mul (f32.load (i32.add (local.get $a) (local.get $i))) (local.get $c)))))
      (br_if $tail (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (local.get $end))))))
  (f64.store (local.get $s) (f64.promote_f32 (local.get $m))))
(func (export "scale_f64") (param $out i32) (param $x i32) (param $end i32) (param $s i32)
  (local $i i32) (local $C v128)
  (local.set $C (f64x2.splat (f64.load (local.get $s))))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      (v128.store (i32.add (local.get $out) (local.get $i)) (f64x2.mul (v128.load (i32.add (local.get $x) (local.get $i))) (local.get $C)))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16))) (local.get $end)))))))
(func (export "scale_f32") (param $out i32) (param $x i32) (param $end i32) (param $s i32)
  (local $i i32) (local $C v128)
  (local.set $C (f32x4.splat (f32.demote_f64 (f64.load (local.get $s)))))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      (v128.store (i32.add (local.get $out) (local.get $i)) (f32x4.mul (v128.load (i32.add (local.get $x) (local.get $i))) (local.get $C)))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16))) (local.get $end)))))))
(func (export "sub_f64") (param $out i32) (param $a i32) (param $b i32) (param $end i32)
  (local $i i32)
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      (v128.store (i32.add (local.get $out) (local.get $i))
        (f64x2.sub (v128.load (i32.add (local.get $a) (local.get $i))) (v128.load (i32.add (local.get $b) (local.get $i)))))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16))) (local.get $end)))))))
(func (export "sub_f32") (param $out i32) (param $a i32) (param $b i32) (param $end i32)
  (local $i i32)
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      (v128.store (i32.add (local.get $out) (local.get $i))
        (f32x4.sub (v128.load (i32.add (local.get $a) (local.get $i))) (v128.load (i32.add (local.get $b) (local.get $i)))))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16))) (local.get $end)))))))
