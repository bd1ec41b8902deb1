;; ASGD, one fused SIMD pass over one buffer: the WebAssembly twin of `asgdKernel` in src/optim/asgd.ts
;; (Polyak & Juditsky, 1992). A template like adam.wat ({T} = f32 | f64, {V} = f32x4 | f64x2); pointers are byte
;; offsets, `end` the buffers' byte length rounded up to 16 bytes.
;;
;;   g_t ← ±∇f(θ_{t-1}) + λ_wd θ_{t-1}
;;   θ_t ← (1 − λη_{t-1}) θ_{t-1} − η_{t-1} g_t
;;   θ̄_t ← θ̄_{t-1} + μ_{t-1}(θ_t − θ̄_{t-1})      (θ̄_t ← θ_t while μ = 1)
;;
;; η, μ and the shrink 1 − λη come from the caller (the optimizer updates them after the step, in float64).
;; Same operation order as the TypeScript loop (float64 agrees bit for bit; float32 rounds each operation to
;; float32 where the TypeScript loop keeps g and the products in float64, a few ulps per step).
;; flags: 1 maximize, 2 weight decay (λ_wd ≠ 0), 4 averaging (μ ≠ 1).
(func $asgd_{T} (export "asgd_{T}")
  (param $p i32) (param $g i32) (param $ax i32) (param $end i32)
  (param $lambda {T}) (param $shrink {T}) (param $negEta {T}) (param $mu {T}) (param $flags i32)
  (local $i i32) (local $grad v128) (local $theta v128) (local $a v128)
  (local $LAMBDA v128) (local $SHRINK v128) (local $NEGETA v128) (local $MU v128)
  (local.set $LAMBDA ({V}.splat (local.get $lambda)))
  (local.set $SHRINK ({V}.splat (local.get $shrink)))
  (local.set $NEGETA ({V}.splat (local.get $negEta)))
  (local.set $MU ({V}.splat (local.get $mu)))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      ;; g ← ±∇f(θ) + λ_wd θ
      (local.set $grad (v128.load (i32.add (local.get $g) (local.get $i))))
      (if (i32.and (local.get $flags) (i32.const 1))
        (then (local.set $grad ({V}.neg (local.get $grad)))))
      (local.set $theta (v128.load (i32.add (local.get $p) (local.get $i))))
      (if (i32.and (local.get $flags) (i32.const 2))
        (then (local.set $grad ({V}.add (local.get $grad) ({V}.mul (local.get $LAMBDA) (local.get $theta))))))
      ;; θ ← θ · (1 − λη), then θ ← θ + (−η)g
      (local.set $theta ({V}.mul (local.get $theta) (local.get $SHRINK)))
      (local.set $theta ({V}.add (local.get $theta) ({V}.mul (local.get $NEGETA) (local.get $grad))))
      (v128.store (i32.add (local.get $p) (local.get $i)) (local.get $theta))
      ;; θ̄ ← θ̄ + (θ − θ̄)μ, or θ̄ ← θ
      (if (i32.and (local.get $flags) (i32.const 4))
        (then
          (local.set $a (v128.load (i32.add (local.get $ax) (local.get $i))))
          (local.set $theta ({V}.add (local.get $a) ({V}.mul ({V}.sub (local.get $theta) (local.get $a)) (local.get $MU))))))
      (v128.store (i32.add (local.get $ax) (local.get $i)) (local.get $theta))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))))
