;; RMSprop, one fused SIMD pass over one buffer: the WebAssembly twin of `rmspropKernel` in src/optim/rmsprop.ts.
;; A template like adam.wat ({T} = f32 | f64, {V} = f32x4 | f64x2); pointers are byte offsets, `end` the buffers'
;; byte length rounded up to 16 bytes.
;;
;;   g_t ← ±∇f(θ_{t-1}) + λθ_{t-1}
;;   v_t ← α v_{t-1} + (1 − α) g_t²
;;   ṽ_t ← v_t − g̅_t², with g̅_t ← α g̅_{t-1} + (1 − α) g_t   if centered, else v_t
;;   d ← √ṽ_t + ε   (or √(ṽ_t + ε_root) + ε)
;;   if μ > 0:  b_t ← μ b_{t-1} + g_t / d;  θ_t ← θ_{t-1} − γ b_t
;;   else:      θ_t ← θ_{t-1} − γ g_t / d
;;
;; Same operation order as the TypeScript loop (float64 agrees bit for bit; its −1·g̅·g̅ added is exactly − g̅·g̅).
;; flags: 1 maximize, 2 L2 decay (λ ≠ 0), 4 centered (g̅ read and written), 8 momentum (b read and written),
;;        16 ε_root form.
(func $rmsprop_{T} (export "rmsprop_{T}")
  (param $p i32) (param $g i32) (param $v i32) (param $gbar i32) (param $buf i32) (param $end i32)
  (param $alpha {T}) (param $oneMinusAlpha {T}) (param $eps {T}) (param $epsRoot {T})
  (param $lambda {T}) (param $mu {T}) (param $negLr {T}) (param $flags i32)
  (local $i i32) (local $grad v128) (local $vi v128) (local $vTilde v128) (local $gb v128) (local $avg v128) (local $step v128)
  (local $A v128) (local $OMA v128) (local $EPS v128) (local $EPSROOT v128) (local $LAMBDA v128) (local $MU v128) (local $NEGLR v128)
  (local.set $A ({V}.splat (local.get $alpha)))
  (local.set $OMA ({V}.splat (local.get $oneMinusAlpha)))
  (local.set $EPS ({V}.splat (local.get $eps)))
  (local.set $EPSROOT ({V}.splat (local.get $epsRoot)))
  (local.set $LAMBDA ({V}.splat (local.get $lambda)))
  (local.set $MU ({V}.splat (local.get $mu)))
  (local.set $NEGLR ({V}.splat (local.get $negLr)))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      ;; g ← ±∇f(θ) + λθ
      (local.set $grad (v128.load (i32.add (local.get $g) (local.get $i))))
      (if (i32.and (local.get $flags) (i32.const 1))
        (then (local.set $grad ({V}.neg (local.get $grad)))))
      (if (i32.and (local.get $flags) (i32.const 2))
        (then (local.set $grad ({V}.add (local.get $grad)
          ({V}.mul (local.get $LAMBDA) (v128.load (i32.add (local.get $p) (local.get $i))))))))
      ;; v ← αv + ((1 − α)g)g
      (local.set $vi ({V}.add
        ({V}.mul (local.get $A) (v128.load (i32.add (local.get $v) (local.get $i))))
        ({V}.mul ({V}.mul (local.get $OMA) (local.get $grad)) (local.get $grad))))
      (v128.store (i32.add (local.get $v) (local.get $i)) (local.get $vi))
      (local.set $vTilde (local.get $vi))
      ;; centered: g̅ ← αg̅ + (1 − α)g;  ṽ ← v − g̅g̅
      (if (i32.and (local.get $flags) (i32.const 4))
        (then
          (local.set $gb ({V}.add
            ({V}.mul (local.get $A) (v128.load (i32.add (local.get $gbar) (local.get $i))))
            ({V}.mul (local.get $OMA) (local.get $grad))))
          (v128.store (i32.add (local.get $gbar) (local.get $i)) (local.get $gb))
          (local.set $vTilde ({V}.sub (local.get $vi) ({V}.mul (local.get $gb) (local.get $gb))))))
      ;; d ← √ṽ + ε, or √(ṽ + ε_root) + ε
      (if (i32.and (local.get $flags) (i32.const 16))
        (then (local.set $vTilde ({V}.add (local.get $vTilde) (local.get $EPSROOT)))))
      (local.set $avg ({V}.add ({V}.sqrt (local.get $vTilde)) (local.get $EPS)))
      ;; b ← μb + g/d and step b, or step g/d
      (local.set $step ({V}.div (local.get $grad) (local.get $avg)))
      (if (i32.and (local.get $flags) (i32.const 8))
        (then
          (local.set $step ({V}.add
            ({V}.mul (local.get $MU) (v128.load (i32.add (local.get $buf) (local.get $i))))
            (local.get $step)))
          (v128.store (i32.add (local.get $buf) (local.get $i)) (local.get $step))))
      ;; θ ← θ + (−γ)·step
      (v128.store (i32.add (local.get $p) (local.get $i))
        ({V}.add (v128.load (i32.add (local.get $p) (local.get $i))) ({V}.mul (local.get $NEGLR) (local.get $step))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))))
