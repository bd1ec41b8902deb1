;; RAdam, one fused SIMD pass over one buffer: the WebAssembly twin of `radamKernel` in src/optim/radam.ts.
;; A template like adam.wat ({T} = f32 | f64, {V} = f32x4 | f64x2); pointers are byte offsets, `end` the buffers'
;; byte length rounded up to 16 bytes.
;;
;;   g_t ← ∇f(θ_{t-1}) + λθ_{t-1}
;;   m_t ← β₁ m_{t-1} + (1 − β₁) g_t;   m̂_t ← m_t/(1 − β₁ᵗ)
;;   v_t ← β₂ v_{t-1} + (1 − β₂) g_t²
;;   if ρ_t > 5:  θ_t ← θ_{t-1} − γ m̂_t · √(1 − β₂ᵗ)/(√v_t + ε) · r_t
;;   else:        θ_t ← θ_{t-1} − γ m̂_t
;;
;; ρ_t and the rectification r_t come from the caller (src/optim/radam.ts). Same operation order as the
;; TypeScript loop (float64 agrees bit for bit; its θ + (−1)·x is exactly θ − x).
;; flags: 2 L2 decay (λ ≠ 0), 4 rectified (ρ_t > 5); torch 1.13's RAdam has no maximize.
(func $radam_{T} (export "radam_{T}")
  (param $p i32) (param $g i32) (param $m i32) (param $v i32) (param $end i32)
  (param $beta1 {T}) (param $oneMinusBeta1 {T}) (param $beta2 {T}) (param $oneMinusBeta2 {T}) (param $eps {T})
  (param $lambda {T}) (param $bc1 {T}) (param $lr {T}) (param $bc2Sqrt {T}) (param $rect {T}) (param $flags i32)
  (local $i i32) (local $grad v128) (local $theta v128) (local $mi v128) (local $vi v128) (local $step v128)
  (local $B1 v128) (local $OMB1 v128) (local $B2 v128) (local $OMB2 v128) (local $EPS v128) (local $LAMBDA v128)
  (local $BC1 v128) (local $LR v128) (local $BC2SQRT v128) (local $RECT v128)
  (local.set $B1 ({V}.splat (local.get $beta1)))
  (local.set $OMB1 ({V}.splat (local.get $oneMinusBeta1)))
  (local.set $B2 ({V}.splat (local.get $beta2)))
  (local.set $OMB2 ({V}.splat (local.get $oneMinusBeta2)))
  (local.set $EPS ({V}.splat (local.get $eps)))
  (local.set $LAMBDA ({V}.splat (local.get $lambda)))
  (local.set $BC1 ({V}.splat (local.get $bc1)))
  (local.set $LR ({V}.splat (local.get $lr)))
  (local.set $BC2SQRT ({V}.splat (local.get $bc2Sqrt)))
  (local.set $RECT ({V}.splat (local.get $rect)))
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
      ;; step ← (m/(1 − β₁ᵗ))·γ, times (√(1 − β₂ᵗ)/(√v + ε))·r when rectified
      (local.set $step ({V}.mul ({V}.div (local.get $mi) (local.get $BC1)) (local.get $LR)))
      (if (i32.and (local.get $flags) (i32.const 4))
        (then (local.set $step ({V}.mul
          ({V}.mul (local.get $step) ({V}.div (local.get $BC2SQRT) ({V}.add ({V}.sqrt (local.get $vi)) (local.get $EPS))))
          (local.get $RECT)))))
      ;; θ ← θ − step
      (v128.store (i32.add (local.get $p) (local.get $i)) ({V}.sub (local.get $theta) (local.get $step)))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))))
