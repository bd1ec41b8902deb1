;; Adamax, one fused SIMD pass over one buffer: the WebAssembly twin of `adamaxKernel` in src/optim/adamax.ts.
;; A template like adam.wat ({T} = f32 | f64, {V} = f32x4 | f64x2); pointers are byte offsets, `end` the buffers'
;; byte length rounded up to 16 bytes.
;;
;;   g_t ← ±∇f(θ_{t-1}) + λθ_{t-1}
;;   m_t ← β₁ m_{t-1} + (1 − β₁) g_t
;;   u_t ← max(β₂ u_{t-1}, |g_t| + ε)
;;   θ_t ← θ_{t-1} − γ/(1 − β₁ᵗ) · m_t / u_t          (γ/(1 − β₁ᵗ) from the caller)
;;
;; Same operation order as the TypeScript loop (float64 agrees bit for bit; `max` propagates NaN and orders
;; −0 < +0 like Math.max). flags: 1 maximize, 2 L2 decay (λ ≠ 0).
(func $adamax_{T} (export "adamax_{T}")
  (param $p i32) (param $g i32) (param $m i32) (param $u i32) (param $end i32)
  (param $beta1 {T}) (param $oneMinusBeta1 {T}) (param $beta2 {T}) (param $eps {T}) (param $lambda {T})
  (param $negClr {T}) (param $flags i32)
  (local $i i32) (local $grad v128) (local $theta v128) (local $mi v128) (local $ui v128)
  (local $B1 v128) (local $OMB1 v128) (local $B2 v128) (local $EPS v128) (local $LAMBDA v128) (local $NEGCLR v128)
  (local.set $B1 ({V}.splat (local.get $beta1)))
  (local.set $OMB1 ({V}.splat (local.get $oneMinusBeta1)))
  (local.set $B2 ({V}.splat (local.get $beta2)))
  (local.set $EPS ({V}.splat (local.get $eps)))
  (local.set $LAMBDA ({V}.splat (local.get $lambda)))
  (local.set $NEGCLR ({V}.splat (local.get $negClr)))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      ;; g ← ±∇f(θ) + λθ
      (local.set $grad (v128.load (i32.add (local.get $g) (local.get $i))))
      (if (i32.and (local.get $flags) (i32.const 1))
        (then (local.set $grad ({V}.neg (local.get $grad)))))
      (local.set $theta (v128.load (i32.add (local.get $p) (local.get $i))))
      (if (i32.and (local.get $flags) (i32.const 2))
        (then (local.set $grad ({V}.add (local.get $grad) ({V}.mul (local.get $LAMBDA) (local.get $theta))))))
      ;; m ← β₁m + (1 − β₁)g;  u ← max(β₂u, |g| + ε)
      (local.set $mi ({V}.add
        ({V}.mul (local.get $B1) (v128.load (i32.add (local.get $m) (local.get $i))))
        ({V}.mul (local.get $OMB1) (local.get $grad))))
      (local.set $ui ({V}.max
        ({V}.mul (local.get $B2) (v128.load (i32.add (local.get $u) (local.get $i))))
        ({V}.add ({V}.abs (local.get $grad)) (local.get $EPS))))
      (v128.store (i32.add (local.get $m) (local.get $i)) (local.get $mi))
      (v128.store (i32.add (local.get $u) (local.get $i)) (local.get $ui))
      ;; θ ← θ + (−γ/(1 − β₁ᵗ))(m / u)
      (v128.store (i32.add (local.get $p) (local.get $i))
        ({V}.add (local.get $theta) ({V}.mul (local.get $NEGCLR) ({V}.div (local.get $mi) (local.get $ui)))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))))
