;; Lion, one fused SIMD pass over one buffer: the WebAssembly twin of `lionKernel` in src/optim/lion.ts.
;; A template like adam.wat ({T} = f32 | f64, {V} = f32x4 | f64x2); pointers are byte offsets, `end` the buffers'
;; byte length rounded up to 16 bytes.
;;
;;   g_t ← ±∇f(θ_{t-1})
;;   c_t ← β₁ m_{t-1} + (1 − β₁) g_t
;;   θ_t ← (1 − γλ) θ_{t-1} − γ sign(c_t)
;;   m_t ← β₂ m_{t-1} + (1 − β₂) g_t
;;
;; sign is Math.sign's: ±1 by the sign bit of c, except that ±0 and NaN give themselves; built as
;; copysign(1, c) = (c & sign bit) | 1, kept where c is a non-zero number (c ≠ 0 and c = c), else c.
;; flags: 1 maximize, 8 decoupled decay (1 − γλ ≠ 1).
(func $lion_{T} (export "lion_{T}")
  (param $p i32) (param $g i32) (param $m i32) (param $end i32)
  (param $beta1 {T}) (param $oneMinusBeta1 {T}) (param $beta2 {T}) (param $oneMinusBeta2 {T})
  (param $shrink {T}) (param $negLr {T}) (param $flags i32)
  (local $i i32) (local $grad v128) (local $theta v128) (local $mi v128) (local $c v128) (local $sign v128)
  (local $B1 v128) (local $OMB1 v128) (local $B2 v128) (local $OMB2 v128) (local $SHRINK v128) (local $NEGLR v128)
  (local $ONE v128) (local $SIGNBIT v128) (local $ZERO v128)
  (local.set $B1 ({V}.splat (local.get $beta1)))
  (local.set $OMB1 ({V}.splat (local.get $oneMinusBeta1)))
  (local.set $B2 ({V}.splat (local.get $beta2)))
  (local.set $OMB2 ({V}.splat (local.get $oneMinusBeta2)))
  (local.set $SHRINK ({V}.splat (local.get $shrink)))
  (local.set $NEGLR ({V}.splat (local.get $negLr)))
  (local.set $ONE ({V}.splat ({T}.const 1)))
  (local.set $SIGNBIT ({V}.splat ({T}.const -0)))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      ;; g ← ±∇f(θ)
      (local.set $grad (v128.load (i32.add (local.get $g) (local.get $i))))
      (if (i32.and (local.get $flags) (i32.const 1))
        (then (local.set $grad ({V}.neg (local.get $grad)))))
      ;; c ← β₁m + (1 − β₁)g;  m ← β₂m + (1 − β₂)g
      (local.set $mi (v128.load (i32.add (local.get $m) (local.get $i))))
      (local.set $c ({V}.add ({V}.mul (local.get $B1) (local.get $mi)) ({V}.mul (local.get $OMB1) (local.get $grad))))
      (v128.store (i32.add (local.get $m) (local.get $i))
        ({V}.add ({V}.mul (local.get $B2) (local.get $mi)) ({V}.mul (local.get $OMB2) (local.get $grad))))
      ;; sign(c)
      (local.set $sign (v128.bitselect
        (v128.or (v128.and (local.get $c) (local.get $SIGNBIT)) (local.get $ONE))
        (local.get $c)
        (v128.and ({V}.ne (local.get $c) (local.get $ZERO)) ({V}.eq (local.get $c) (local.get $c)))))
      ;; θ ← (1 − γλ)θ, then θ ← θ + (−γ)sign(c)
      (local.set $theta (v128.load (i32.add (local.get $p) (local.get $i))))
      (if (i32.and (local.get $flags) (i32.const 8))
        (then (local.set $theta ({V}.mul (local.get $theta) (local.get $SHRINK)))))
      (v128.store (i32.add (local.get $p) (local.get $i))
        ({V}.add (local.get $theta) ({V}.mul (local.get $NEGLR) (local.get $sign))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))))
