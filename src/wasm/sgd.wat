;; SGD with optional (Nesterov) momentum, one fused SIMD pass over one buffer: the WebAssembly twin of `sgdKernel`
;; in src/optim/sgd.ts. A template like adam.wat ({T} = f32 | f64, {V} = f32x4 | f64x2); pointers are byte
;; offsets, `end` the buffers' byte length rounded up to 16 bytes.
;;
;;   g_t ← ±∇f(θ_{t-1}) + λθ_{t-1}
;;   if μ ≠ 0:  b_t ← g_t if t = 1, else μ b_{t-1} + (1 − τ) g_t
;;              g_t ← g_t + μ b_t if nesterov, else b_t
;;   θ_t ← θ_{t-1} − γ g_t
;;
;; Same operation order as the TypeScript loop (float64 agrees bit for bit). flags: 1 maximize, 2 momentum
;; buffer present, 4 first step (b ← g), 8 nesterov, 16 L2 decay (λ ≠ 0).
(func $sgd_{T} (export "sgd_{T}")
  (param $p i32) (param $g i32) (param $buf i32) (param $end i32)
  (param $negLr {T}) (param $mu {T}) (param $oneMinusDampening {T}) (param $lambda {T}) (param $flags i32)
  (local $i i32) (local $grad v128) (local $theta v128) (local $b v128)
  (local $NEGLR v128) (local $MU v128) (local $OMD v128) (local $LAMBDA v128)
  (local.set $NEGLR ({V}.splat (local.get $negLr)))
  (local.set $MU ({V}.splat (local.get $mu)))
  (local.set $OMD ({V}.splat (local.get $oneMinusDampening)))
  (local.set $LAMBDA ({V}.splat (local.get $lambda)))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      ;; g ← ±∇f(θ) + λθ
      (local.set $grad (v128.load (i32.add (local.get $g) (local.get $i))))
      (if (i32.and (local.get $flags) (i32.const 1))
        (then (local.set $grad ({V}.neg (local.get $grad)))))
      (local.set $theta (v128.load (i32.add (local.get $p) (local.get $i))))
      (if (i32.and (local.get $flags) (i32.const 16))
        (then (local.set $grad ({V}.add (local.get $grad) ({V}.mul (local.get $LAMBDA) (local.get $theta))))))
      (if (i32.and (local.get $flags) (i32.const 2))
        (then
          ;; b ← g on the first step, else μb + (1 − τ)g
          (if (i32.and (local.get $flags) (i32.const 4))
            (then (local.set $b (local.get $grad)))
            (else (local.set $b ({V}.add
              ({V}.mul (local.get $MU) (v128.load (i32.add (local.get $buf) (local.get $i))))
              ({V}.mul (local.get $OMD) (local.get $grad))))))
          (v128.store (i32.add (local.get $buf) (local.get $i)) (local.get $b))
          ;; g ← g + μb (Nesterov) or b
          (if (i32.and (local.get $flags) (i32.const 8))
            (then (local.set $grad ({V}.add (local.get $grad) ({V}.mul (local.get $MU) (local.get $b)))))
            (else (local.set $grad (local.get $b))))))
      ;; θ ← θ + (−γ)g
      (v128.store (i32.add (local.get $p) (local.get $i))
        ({V}.add (local.get $theta) ({V}.mul (local.get $NEGLR) (local.get $grad))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))))
