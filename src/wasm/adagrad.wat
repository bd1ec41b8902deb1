;; Adagrad, one fused SIMD pass over one buffer: the WebAssembly twin of `adagradKernel` in src/optim/adagrad.ts.
;; A template like adam.wat ({T} = f32 | f64, {V} = f32x4 | f64x2); pointers are byte offsets, `end` the buffers'
;; byte length rounded up to 16 bytes.
;;
;;   g_t ← ±∇f(θ_{t-1}) + λθ_{t-1}
;;   G_t ← G_{t-1} + g_t²
;;   θ_t ← θ_{t-1} − γ̃ g_t / (√G_t + ε)      (or √(G_t + ε_root) + ε),  γ̃ = γ / (1 + (t − 1)η) from the caller
;;
;; Same operation order as the TypeScript loop (float64 agrees bit for bit).
;; flags: 1 maximize, 2 L2 decay (λ ≠ 0), 4 ε_root form.
(func $adagrad_{T} (export "adagrad_{T}")
  (param $p i32) (param $g i32) (param $sum i32) (param $end i32)
  (param $eps {T}) (param $epsRoot {T}) (param $lambda {T}) (param $negClr {T}) (param $flags i32)
  (local $i i32) (local $grad v128) (local $theta v128) (local $s v128) (local $r v128)
  (local $EPS v128) (local $EPSROOT v128) (local $LAMBDA v128) (local $NEGCLR v128)
  (local.set $EPS ({V}.splat (local.get $eps)))
  (local.set $EPSROOT ({V}.splat (local.get $epsRoot)))
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
      ;; G ← G + g·g
      (local.set $s ({V}.add (v128.load (i32.add (local.get $sum) (local.get $i))) ({V}.mul (local.get $grad) (local.get $grad))))
      (v128.store (i32.add (local.get $sum) (local.get $i)) (local.get $s))
      ;; std ← √G + ε, or √(G + ε_root) + ε
      (local.set $r (local.get $s))
      (if (i32.and (local.get $flags) (i32.const 4))
        (then (local.set $r ({V}.add (local.get $r) (local.get $EPSROOT)))))
      ;; θ ← θ + (−γ̃)(g / std)
      (v128.store (i32.add (local.get $p) (local.get $i))
        ({V}.add (local.get $theta)
          ({V}.mul (local.get $NEGCLR) ({V}.div (local.get $grad) ({V}.add ({V}.sqrt (local.get $r)) (local.get $EPS))))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))))
