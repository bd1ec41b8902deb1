;; y ← y + αx with one rounding per element: the fused multiply-add of src/core/fma.ts (`fmaInto`), bit for bit,
;; in 128-bit lanes. WebAssembly has no fma (relaxed SIMD's may round twice), so it is emulated as there; each of
;; fma.ts's branches becomes a lane mask and a v128.bitselect (no branch), and each expression keeps fma.ts's order
;; of operations: IEEE arithmetic in the same order gives the same bits. α comes at byte `s` as float64; `end` is
;; the buffers' byte length rounded up to 16 (whole vectors, padding lanes included: y is an arena allocation).
;;
;; float64 (f64x2), for a = α, b = xᵢ, c = yᵢ, split constant 2²⁷ + 1:
;;   p ← a·b;   aHi, aLo, bHi, bLo by Veltkamp's split;   e ← aHi·bHi − p + aHi·bLo + aLo·bHi + aLo·bLo   (p + e = ab)
;;   s ← p + c;   r ← p − (s − (s − p)) + (c − (s − p))                                    (two-sum: s + r = p + c)
;;   v ← r + e;   w ← s + v;   half ← s − (w − (w − s)) + (v − (w − s))                            (w + half = s + v)
;;   rest ← r − (v − (v − r)) + (e − (v − r))                                         (the part of r + e v lost)
;;   yᵢ ← w + 2·half  where half ≠ 0, (w + 2·half) − w = 2·half (s + v halfway between w and w + 2·half),
;;                    rest ≠ 0 and rest, half of one sign;   else w
;;   yᵢ ← p + c (rounded twice) where |a|, |b|, |c| or |p| is not below 1e300 (the split would overflow)
;; float32 (f32x4, each half promoted to f64x2), a = fround(α): p ← a·b is exact in a double, so only the rounding
;; of s = p + c to float32 can go twice:
;;   r ← fround(s);   err ← p − (s − (s − p)) + (c − (s − p));   half ← s − r;   q ← r + 2·half
;;   yᵢ ← q  where err ≠ 0, half ≠ 0, fround(q) = q and half, err of one sign (s a float32 halfway point and the
;;          exact sum beyond it),  else r
;;
;; Lane-mask forms: "of one sign" for two non-zero numbers is a clear sign bit in their xor (i64x2.lt_s against 0
;; is the opposite); in lanes where either may be NaN the other conditions already fail. The 1e300 test takes
;; pmax (b where a < b, else a: one instruction) of |b|, |c|, |p| against 1e300, or against 0 when |α| is not below
;; 1e300 (fma.ts's whole-loop fallback); it differs from fma.ts's three tests only where a NaN is involved, where
;; both paths give NaN. Loops test their condition at the bottom: V8 then hoists the splats out of the loop.
(func (export "axpy_f64") (param $y i32) (param $x i32) (param $end i32) (param $s i32)
  (local $i i32) (local $a f64) (local $t f64)
  (local $A v128) (local $AHI v128) (local $ALO v128) (local $SPLIT v128) (local $BIG v128) (local $ZERO v128)
  (local $b v128) (local $c v128) (local $p v128) (local $bt v128) (local $bhi v128) (local $blo v128) (local $e v128)
  (local $sum v128) (local $sb v128) (local $r v128) (local $v v128) (local $w v128) (local $wb v128) (local $half v128)
  (local $h2 v128) (local $vb v128) (local $rest v128) (local $tie v128) (local $ok v128)
  (local.set $a (f64.load (local.get $s)))
  (local.set $t (f64.mul (f64.const 134217729) (local.get $a)))
  (local.set $A (f64x2.splat (local.get $a)))
  (local.set $AHI (f64x2.splat (f64.sub (local.get $t) (f64.sub (local.get $t) (local.get $a)))))
  (local.set $ALO (f64x2.sub (local.get $A) (local.get $AHI)))
  (local.set $SPLIT (f64x2.splat (f64.const 134217729)))
  (local.set $BIG (f64x2.splat (f64.const 1e300)))
  ;; |α| ≥ 1e300 or NaN: every lane falls back (fma.ts's whole-loop y[i] += a·x[i]), so compare with 0 instead
  (local.set $BIG (v128.and (local.get $BIG) (f64x2.lt (f64x2.abs (local.get $A)) (local.get $BIG))))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      (local.set $b (v128.load (i32.add (local.get $x) (local.get $i))))
      (local.set $c (v128.load (i32.add (local.get $y) (local.get $i))))
      (local.set $p (f64x2.mul (local.get $A) (local.get $b)))
      ;; the split overflows nowhere in this lane
      (local.set $ok (f64x2.lt (f64x2.pmax (f64x2.pmax (f64x2.abs (local.get $b)) (f64x2.abs (local.get $c))) (f64x2.abs (local.get $p))) (local.get $BIG)))
      ;; Dekker: p + e = a·b exactly
      (local.set $bt (f64x2.mul (local.get $SPLIT) (local.get $b)))
      (local.set $bhi (f64x2.sub (local.get $bt) (f64x2.sub (local.get $bt) (local.get $b))))
      (local.set $blo (f64x2.sub (local.get $b) (local.get $bhi)))
      (local.set $e (f64x2.add (f64x2.add (f64x2.add
        (f64x2.sub (f64x2.mul (local.get $AHI) (local.get $bhi)) (local.get $p))
        (f64x2.mul (local.get $AHI) (local.get $blo)))
        (f64x2.mul (local.get $ALO) (local.get $bhi)))
        (f64x2.mul (local.get $ALO) (local.get $blo))))
      ;; Knuth's two-sum: s + r = p + c exactly
      (local.set $sum (f64x2.add (local.get $p) (local.get $c)))
      (local.set $sb (f64x2.sub (local.get $sum) (local.get $p)))
      (local.set $r (f64x2.add (f64x2.sub (local.get $p) (f64x2.sub (local.get $sum) (local.get $sb))) (f64x2.sub (local.get $c) (local.get $sb))))
      ;; w ≈ s + (r + e), what its rounding lost (half), and what v's rounding lost (rest)
      (local.set $v (f64x2.add (local.get $r) (local.get $e)))
      (local.set $w (f64x2.add (local.get $sum) (local.get $v)))
      (local.set $wb (f64x2.sub (local.get $w) (local.get $sum)))
      (local.set $half (f64x2.add (f64x2.sub (local.get $sum) (f64x2.sub (local.get $w) (local.get $wb))) (f64x2.sub (local.get $v) (local.get $wb))))
      (local.set $h2 (f64x2.add (local.get $half) (local.get $half)))
      (local.set $vb (f64x2.sub (local.get $v) (local.get $r)))
      (local.set $rest (f64x2.add (f64x2.sub (local.get $r) (f64x2.sub (local.get $v) (local.get $vb))) (f64x2.sub (local.get $e) (local.get $vb))))
      ;; halfway, and the remainder of r + e on half's side: the other neighbour w + 2·half
      (local.set $tie (v128.andnot
        (v128.and
          (v128.and (f64x2.ne (local.get $half) (local.get $ZERO))
            (f64x2.eq (f64x2.sub (f64x2.add (local.get $w) (local.get $h2)) (local.get $w)) (local.get $h2)))
          (f64x2.ne (local.get $rest) (local.get $ZERO)))
        (i64x2.lt_s (v128.xor (local.get $rest) (local.get $half)) (local.get $ZERO))))
      (v128.store (i32.add (local.get $y) (local.get $i))
        (v128.bitselect
          (v128.bitselect (f64x2.add (local.get $w) (local.get $h2)) (local.get $w) (local.get $tie))
          (f64x2.add (local.get $p) (local.get $c))
          (local.get $ok)))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16))) (local.get $end)))))))
;; axpy_f32 runs its two halves (lanes 0–1, then 2–3) as two copies of one block rather than as calls of one
;; function: V8 does not inline it, and the calls cost about 20 % (measured at 1e6 elements).
(func (export "axpy_f32") (param $y i32) (param $x i32) (param $end i32) (param $s i32)
  (local $i i32) (local $A v128) (local $xv v128) (local $yv v128) (local $lo v128) (local $hi v128)
  (local $c v128) (local $p v128) (local $sum v128) (local $r v128) (local $sb v128) (local $err v128) (local $half v128) (local $q v128) (local $ZERO v128)
  ;; α rounded to float32 (fma.ts's Math.fround(alpha)), then used as a double
  (local.set $A (f64x2.splat (f64.promote_f32 (f32.demote_f64 (f64.load (local.get $s))))))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      (local.set $xv (v128.load (i32.add (local.get $x) (local.get $i))))
      (local.set $yv (v128.load (i32.add (local.get $y) (local.get $i))))
      ;; lanes 0–1: p exact, s and its error, r = fround(s), the tie test
      (local.set $p (f64x2.mul (local.get $A) (f64x2.promote_low_f32x4 (local.get $xv))))
      (local.set $c (f64x2.promote_low_f32x4 (local.get $yv)))
      (local.set $sum (f64x2.add (local.get $p) (local.get $c)))
      (local.set $r (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $sum))))
      (local.set $sb (f64x2.sub (local.get $sum) (local.get $p)))
      (local.set $err (f64x2.add (f64x2.sub (local.get $p) (f64x2.sub (local.get $sum) (local.get $sb))) (f64x2.sub (local.get $c) (local.get $sb))))
      (local.set $half (f64x2.sub (local.get $sum) (local.get $r)))
      (local.set $q (f64x2.add (local.get $r) (f64x2.add (local.get $half) (local.get $half))))
      (local.set $lo (v128.bitselect (local.get $q) (local.get $r)
        (v128.andnot
          (v128.and
            (v128.and (f64x2.ne (local.get $err) (local.get $ZERO)) (f64x2.ne (local.get $half) (local.get $ZERO)))
            (f64x2.eq (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $q))) (local.get $q)))
          (i64x2.lt_s (v128.xor (local.get $half) (local.get $err)) (local.get $ZERO)))))
      ;; lanes 2–3: the same
      (local.set $p (f64x2.mul (local.get $A) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $xv) (local.get $xv)))))
      (local.set $c (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $yv) (local.get $yv))))
      (local.set $sum (f64x2.add (local.get $p) (local.get $c)))
      (local.set $r (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $sum))))
      (local.set $sb (f64x2.sub (local.get $sum) (local.get $p)))
      (local.set $err (f64x2.add (f64x2.sub (local.get $p) (f64x2.sub (local.get $sum) (local.get $sb))) (f64x2.sub (local.get $c) (local.get $sb))))
      (local.set $half (f64x2.sub (local.get $sum) (local.get $r)))
      (local.set $q (f64x2.add (local.get $r) (f64x2.add (local.get $half) (local.get $half))))
      (local.set $hi (v128.bitselect (local.get $q) (local.get $r)
        (v128.andnot
          (v128.and
            (v128.and (f64x2.ne (local.get $err) (local.get $ZERO)) (f64x2.ne (local.get $half) (local.get $ZERO)))
            (f64x2.eq (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $q))) (local.get $q)))
          (i64x2.lt_s (v128.xor (local.get $half) (local.get $err)) (local.get $ZERO)))))
      ;; the float32 results (exact as doubles) rounded back to float32 and rejoined
      (v128.store (i32.add (local.get $y) (local.get $i))
        (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (f32x4.demote_f64x2_zero (local.get $lo)) (f32x4.demote_f64x2_zero (local.get $hi))))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16))) (local.get $end)))))))
