;; Adadelta, one fused SIMD pass over one buffer: the WebAssembly twin of `adadeltaKernel` in src/optim/adadelta.ts.
;; A template like adam.wat ({T} = f32 | f64, {V} = f32x4 | f64x2); pointers are byte offsets, `end` the buffers'
;; byte length rounded up to 16 bytes.
;;
;;   g_t ← ±∇f(θ_{t-1}) + λθ_{t-1}
;;   v_t ← ρ v_{t-1} + (1 − ρ) g_t²
;;   Δx_t ← √(u_{t-1} + ε) / √(v_t + ε) · g_t
;;   u_t ← ρ u_{t-1} + (1 − ρ) Δx_t²
;;   θ_t ← θ_{t-1} − γ Δx_t
;;
;; Same operation order as the TypeScript loop (float64 agrees bit for bit). flags: 1 maximize, 2 L2 decay (λ ≠ 0).
(func $adadelta_{T} (export "adadelta_{T}")
  (param $p i32) (param $g i32) (param $v i32) (param $u i32) (param $end i32)
  (param $rho {T}) (param $oneMinusRho {T}) (param $eps {T}) (param $lambda {T}) (param $negLr {T}) (param $flags i32)
  (local $i i32) (local $grad v128) (local $theta v128) (local $vi v128) (local $ui v128) (local $delta v128)
  (local $RHO v128) (local $OMR v128) (local $EPS v128) (local $LAMBDA v128) (local $NEGLR v128)
  (local.set $RHO ({V}.splat (local.get $rho)))
  (local.set $OMR ({V}.splat (local.get $oneMinusRho)))
  (local.set $EPS ({V}.splat (local.get $eps)))
  (local.set $LAMBDA ({V}.splat (local.get $lambda)))
  (local.set $NEGLR ({V}.splat (local.get $negLr)))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      ;; g ← ±∇f(θ) + λθ
      (local.set $grad (v128.load (i32.add (local.get $g) (local.get $i))))
      (if (i32.and (local.get $flags) (i32.const 1))
        (then (local.set $grad ({V}.neg (local.get $grad)))))
      (local.set $theta (v128.load (i32.add (local.get $p) (local.get $i))))
      (if (i32.and (local.get $flags) (i32.const 2))
        (then (local.set $grad ({V}.add (local.get $grad) ({V}.mul (local.get $LAMBDA) (local.get $theta))))))
      ;; v ← ρv + ((1 − ρ)g)g
      (local.set $vi ({V}.add
        ({V}.mul (local.get $RHO) (v128.load (i32.add (local.get $v) (local.get $i))))
        ({V}.mul ({V}.mul (local.get $OMR) (local.get $grad)) (local.get $grad))))
      (v128.store (i32.add (local.get $v) (local.get $i)) (local.get $vi))
      ;; Δx ← (√(u + ε) / √(v + ε)) g
      (local.set $ui (v128.load (i32.add (local.get $u) (local.get $i))))
      (local.set $delta ({V}.mul
        ({V}.div ({V}.sqrt ({V}.add (local.get $ui) (local.get $EPS))) ({V}.sqrt ({V}.add (local.get $vi) (local.get $EPS))))
        (local.get $grad)))
      ;; u ← ρu + ((1 − ρ)Δx)Δx;  θ ← θ + (−γ)Δx
      (v128.store (i32.add (local.get $u) (local.get $i))
        ({V}.add ({V}.mul (local.get $RHO) (local.get $ui)) ({V}.mul ({V}.mul (local.get $OMR) (local.get $delta)) (local.get $delta))))
      (v128.store (i32.add (local.get $p) (local.get $i))
        ({V}.add (local.get $theta) ({V}.mul (local.get $NEGLR) (local.get $delta))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))))
