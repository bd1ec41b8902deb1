;; NAdam, one fused SIMD pass over one buffer: the WebAssembly twin of `nadamKernel` in src/optim/nadam.ts.
;; A template like adam.wat ({T} = f32 | f64, {V} = f32x4 | f64x2); pointers are byte offsets, `end` the buffers'
;; byte length rounded up to 16 bytes.
;;
;;   g_t ← ∇f(θ_{t-1}) + λθ_{t-1}
;;   m_t ← β₁ m_{t-1} + (1 − β₁) g_t
;;   v_t ← β₂ v_{t-1} + (1 − β₂) g_t²
;;   d ← √(v_t / (1 − β₂ᵗ)) + ε
;;   θ_t ← θ_{t-1} − γ(1 − μ_t)/(1 − Π_t) · g_t/d − γ μ_{t+1}/(1 − Π_{t+1}) · m_t/d
;;
;; The two weights arrive negated from the caller (src/optim/nadam.ts computes the momentum schedule). θ takes
;; the two terms one after the other, as the TypeScript loop does (float64 agrees bit for bit; float32 rounds θ
;; in between, as torch does). flags: 2 L2 decay (λ ≠ 0); torch 1.13's NAdam has no maximize.
(func $nadam_{T} (export "nadam_{T}")
  (param $p i32) (param $g i32) (param $m i32) (param $v i32) (param $end i32)
  (param $beta1 {T}) (param $oneMinusBeta1 {T}) (param $beta2 {T}) (param $oneMinusBeta2 {T}) (param $eps {T})
  (param $lambda {T}) (param $bc2 {T}) (param $negGradWeight {T}) (param $negMomentumWeight {T}) (param $flags i32)
  (local $i i32) (local $grad v128) (local $theta v128) (local $mi v128) (local $vi v128) (local $d v128)
  (local $B1 v128) (local $OMB1 v128) (local $B2 v128) (local $OMB2 v128) (local $EPS v128) (local $LAMBDA v128)
  (local $BC2 v128) (local $NEGGW v128) (local $NEGMW v128)
  (local.set $B1 ({V}.splat (local.get $beta1)))
  (local.set $OMB1 ({V}.splat (local.get $oneMinusBeta1)))
  (local.set $B2 ({V}.splat (local.get $beta2)))
  (local.set $OMB2 ({V}.splat (local.get $oneMinusBeta2)))
  (local.set $EPS ({V}.splat (local.get $eps)))
  (local.set $LAMBDA ({V}.splat (local.get $lambda)))
  (local.set $BC2 ({V}.splat (local.get $bc2)))
  (local.set $NEGGW ({V}.splat (local.get $negGradWeight)))
  (local.set $NEGMW ({V}.splat (local.get $negMomentumWeight)))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      ;; g ← ∇f(θ) + λθ
      (local.set $grad (v128.load (i32.add (local.get $g) (local.get $i))))
      (local.set $theta (v128.load (i32.add (local.get $p) (local.get $i))))
      (if (i32.and (local.get $flags) (i32.const 2))
        (then (local.set $grad ({V}.add (local.get $grad) ({V}.mul (local.get $LAMBDA) (local.get $theta))))))
      ;; m ← β₁m + (1 − β₁)g;  v ← β₂v + ((1 − β₂)g)g
      (local.set $mi ({V}.add
        ({V}.mul (local.get $B1) (v128.load (i32.add (local.get $m) (local.get $i))))
        ({V}.mul (local.get $OMB1) (local.get $grad))))
      (local.set $vi ({V}.add
        ({V}.mul (local.get $B2) (v128.load (i32.add (local.get $v) (local.get $i))))
        ({V}.mul ({V}.mul (local.get $OMB2) (local.get $grad)) (local.get $grad))))
      (v128.store (i32.add (local.get $m) (local.get $i)) (local.get $mi))
      (v128.store (i32.add (local.get $v) (local.get $i)) (local.get $vi))
      ;; d ← √(v/(1 − β₂ᵗ)) + ε;  θ ← θ + w_g(g/d), then θ ← θ + w_m(m/d)
      (local.set $d ({V}.add ({V}.sqrt ({V}.div (local.get $vi) (local.get $BC2))) (local.get $EPS)))
      (local.set $theta ({V}.add (local.get $theta) ({V}.mul (local.get $NEGGW) ({V}.div (local.get $grad) (local.get $d)))))
      (v128.store (i32.add (local.get $p) (local.get $i))
        ({V}.add (local.get $theta) ({V}.mul (local.get $NEGMW) ({V}.div (local.get $mi) (local.get $d)))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))))
