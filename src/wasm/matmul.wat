;; The matrix products of the MLP's forward and backward passes in WebAssembly SIMD (f32x4): the twins of the
;; TypeScript kernels in src/learn/models/matmul.ts, assembled by scripts/build-wasm-matmul.ts into
;; src/wasm/matmul.wasm.ts. Float32 only (float64 networks keep the TypeScript loops).
;;
;; All matrices are row-major float32 in the imported memory; pointers are byte offsets. Every buffer must be
;; followed by at least 32 readable bytes (src/wasm/matmul-workspace.ts leaves a guard after each): edge blocks
;; load whole vectors past a row's end and throw the extra lanes away, so no scalar tail loop is needed.
;;
;;   forward          Z = A·Bᵀ + b      matmul_nt   C[i, j] = b[j] + Σ_p A[i, p] B[j, p]
;;   weight gradient  ∂W = δᵀ·A         matmul_tn   C[i, j] = Σ_p A[p, i] B[p, j]
;;   delta below      δ' = δ·W          matmul_nn   C[i, j] = Σ_p A[i, p] B[p, j]
;;
;; Rounding: sums are accumulated in float32 (the TypeScript loops accumulate in float64 and round once), and
;; matmul_nt adds four partial sums per output (lanes p mod 4) at the end, so results differ from the TypeScript
;; kernels by a few float32 roundings of Σ|A||B| (about 1e-6 of it): close, never bit-identical.

(module
  (import "env" "memory" (memory 1))

  ;; [Σ s0, Σ s1, Σ s2, Σ s3]: the four lanes of each accumulator added, by two rounds of pairwise shuffles.
  (func $hsum4 (param $s0 v128) (param $s1 v128) (param $s2 v128) (param $s3 v128) (result v128)
    (local $t0 v128) (local $t1 v128)
    ;; t0 = [s0₀+s0₂, s1₀+s1₂, s0₁+s0₃, s1₁+s1₃], t1 likewise for s2, s3
    (local.set $t0 (f32x4.add
      (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $s0) (local.get $s1))
      (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $s0) (local.get $s1))))
    (local.set $t1 (f32x4.add
      (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $s2) (local.get $s3))
      (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $s2) (local.get $s3))))
    (f32x4.add
      (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t1))
      (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t1))))

  ;; Stores the first `count` lanes of v at `at` (all four when count >= 4, none when count <= 0): an edge
  ;; block writes only the columns that exist.
  (func $store (param $at i32) (param $v v128) (param $count i32)
    (if (i32.ge_s (local.get $count) (i32.const 4))
      (then (v128.store (local.get $at) (local.get $v)) (return)))
    (if (i32.le_s (local.get $count) (i32.const 0)) (then (return)))
    (f32.store (local.get $at) (f32x4.extract_lane 0 (local.get $v)))
    (if (i32.ge_s (local.get $count) (i32.const 2))
      (then (f32.store offset=4 (local.get $at) (f32x4.extract_lane 1 (local.get $v)))))
    (if (i32.ge_s (local.get $count) (i32.const 3))
      (then (f32.store offset=8 (local.get $at) (f32x4.extract_lane 2 (local.get $v))))))

  ;; C (m × n) = A (m × k) · Bᵀ (B is n × k) + bias (n; pointer 0 for none):
  ;;
  ;;   C[i, j] = bias[j] + Σ_p A[i, p] B[j, p]
  ;;
  ;; A 2 × 4 register block of dot products, vectorised along p: rows i, i+1 of A against rows j … j+3 of B,
  ;; eight f32x4 accumulators (6 loads per 8 multiply-adds of 4 lanes), reduced by $hsum4 at the end. j is the
  ;; outer loop so that the four rows of B stay in L1 while A streams past. Edges: a missing row of A or B is
  ;; replaced by the last one (computed, never stored); the k mod 4 tail is one masked vector.
  (func (export "matmul_nt") (param $a i32) (param $b i32) (param $c i32) (param $bias i32)
    (param $m i32) (param $n i32) (param $k i32)
    (local $i i32) (local $j i32) (local $p i32) (local $row i32) (local $whole i32) (local $rowC i32)
    (local $a0 i32) (local $a1 i32) (local $b0 i32) (local $b1 i32) (local $b2 i32) (local $b3 i32)
    (local $mask v128) (local $x0 v128) (local $x1 v128) (local $w v128) (local $z v128)
    (local $s00 v128) (local $s01 v128) (local $s02 v128) (local $s03 v128)
    (local $s10 v128) (local $s11 v128) (local $s12 v128) (local $s13 v128)
    (local.set $row (i32.shl (local.get $k) (i32.const 2)))
    (local.set $whole (i32.and (local.get $row) (i32.const -16)))
    (local.set $rowC (i32.shl (local.get $n) (i32.const 2)))
    ;; lanes p < k of the tail vector
    (local.set $mask (i32x4.lt_s (v128.const i32x4 0 1 2 3) (i32x4.splat (i32.and (local.get $k) (i32.const 3)))))
    (block $jdone (loop $jnext
      (br_if $jdone (i32.ge_s (local.get $j) (local.get $n)))
      (local.set $b0 (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $row))))
      (local.set $b1 (i32.add (local.get $b) (i32.mul (local.get $row)
        (select (i32.add (local.get $j) (i32.const 1)) (i32.sub (local.get $n) (i32.const 1))
          (i32.lt_s (i32.add (local.get $j) (i32.const 1)) (local.get $n))))))
      (local.set $b2 (i32.add (local.get $b) (i32.mul (local.get $row)
        (select (i32.add (local.get $j) (i32.const 2)) (i32.sub (local.get $n) (i32.const 1))
          (i32.lt_s (i32.add (local.get $j) (i32.const 2)) (local.get $n))))))
      (local.set $b3 (i32.add (local.get $b) (i32.mul (local.get $row)
        (select (i32.add (local.get $j) (i32.const 3)) (i32.sub (local.get $n) (i32.const 1))
          (i32.lt_s (i32.add (local.get $j) (i32.const 3)) (local.get $n))))))
      (local.set $z (v128.const i32x4 0 0 0 0))
      (if (local.get $bias)
        (then (local.set $z (v128.load (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2)))))))
      (local.set $i (i32.const 0))
      (block $idone (loop $inext
        (br_if $idone (i32.ge_s (local.get $i) (local.get $m)))
        (local.set $a0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $row))))
        (local.set $a1 (select (i32.add (local.get $a0) (local.get $row)) (local.get $a0)
          (i32.lt_s (i32.add (local.get $i) (i32.const 1)) (local.get $m))))
        (local.set $s00 (v128.const i32x4 0 0 0 0)) (local.set $s01 (v128.const i32x4 0 0 0 0))
        (local.set $s02 (v128.const i32x4 0 0 0 0)) (local.set $s03 (v128.const i32x4 0 0 0 0))
        (local.set $s10 (v128.const i32x4 0 0 0 0)) (local.set $s11 (v128.const i32x4 0 0 0 0))
        (local.set $s12 (v128.const i32x4 0 0 0 0)) (local.set $s13 (v128.const i32x4 0 0 0 0))
        (local.set $p (i32.const 0))
        (block $pdone (loop $pnext
          (br_if $pdone (i32.ge_u (local.get $p) (local.get $whole)))
          (local.set $x0 (v128.load (i32.add (local.get $a0) (local.get $p))))
          (local.set $x1 (v128.load (i32.add (local.get $a1) (local.get $p))))
          (local.set $w (v128.load (i32.add (local.get $b0) (local.get $p))))
          (local.set $s00 (f32x4.add (local.get $s00) (f32x4.mul (local.get $x0) (local.get $w))))
          (local.set $s10 (f32x4.add (local.get $s10) (f32x4.mul (local.get $x1) (local.get $w))))
          (local.set $w (v128.load (i32.add (local.get $b1) (local.get $p))))
          (local.set $s01 (f32x4.add (local.get $s01) (f32x4.mul (local.get $x0) (local.get $w))))
          (local.set $s11 (f32x4.add (local.get $s11) (f32x4.mul (local.get $x1) (local.get $w))))
          (local.set $w (v128.load (i32.add (local.get $b2) (local.get $p))))
          (local.set $s02 (f32x4.add (local.get $s02) (f32x4.mul (local.get $x0) (local.get $w))))
          (local.set $s12 (f32x4.add (local.get $s12) (f32x4.mul (local.get $x1) (local.get $w))))
          (local.set $w (v128.load (i32.add (local.get $b3) (local.get $p))))
          (local.set $s03 (f32x4.add (local.get $s03) (f32x4.mul (local.get $x0) (local.get $w))))
          (local.set $s13 (f32x4.add (local.get $s13) (f32x4.mul (local.get $x1) (local.get $w))))
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (br $pnext)))
        ;; the k mod 4 tail: both operands masked, so what lies past a row (even NaN) adds exact zeros
        (if (i32.and (local.get $k) (i32.const 3))
          (then
            (local.set $x0 (v128.and (local.get $mask) (v128.load (i32.add (local.get $a0) (local.get $p)))))
            (local.set $x1 (v128.and (local.get $mask) (v128.load (i32.add (local.get $a1) (local.get $p)))))
            (local.set $w (v128.and (local.get $mask) (v128.load (i32.add (local.get $b0) (local.get $p)))))
            (local.set $s00 (f32x4.add (local.get $s00) (f32x4.mul (local.get $x0) (local.get $w))))
            (local.set $s10 (f32x4.add (local.get $s10) (f32x4.mul (local.get $x1) (local.get $w))))
            (local.set $w (v128.and (local.get $mask) (v128.load (i32.add (local.get $b1) (local.get $p)))))
            (local.set $s01 (f32x4.add (local.get $s01) (f32x4.mul (local.get $x0) (local.get $w))))
            (local.set $s11 (f32x4.add (local.get $s11) (f32x4.mul (local.get $x1) (local.get $w))))
            (local.set $w (v128.and (local.get $mask) (v128.load (i32.add (local.get $b2) (local.get $p)))))
            (local.set $s02 (f32x4.add (local.get $s02) (f32x4.mul (local.get $x0) (local.get $w))))
            (local.set $s12 (f32x4.add (local.get $s12) (f32x4.mul (local.get $x1) (local.get $w))))
            (local.set $w (v128.and (local.get $mask) (v128.load (i32.add (local.get $b3) (local.get $p)))))
            (local.set $s03 (f32x4.add (local.get $s03) (f32x4.mul (local.get $x0) (local.get $w))))
            (local.set $s13 (f32x4.add (local.get $s13) (f32x4.mul (local.get $x1) (local.get $w))))))
        (call $store
          (i32.add (local.get $c) (i32.add (i32.mul (local.get $i) (local.get $rowC)) (i32.shl (local.get $j) (i32.const 2))))
          (f32x4.add (call $hsum4 (local.get $s00) (local.get $s01) (local.get $s02) (local.get $s03)) (local.get $z))
          (i32.sub (local.get $n) (local.get $j)))
        (if (i32.lt_s (i32.add (local.get $i) (i32.const 1)) (local.get $m))
          (then (call $store
            (i32.add (local.get $c) (i32.add (i32.mul (i32.add (local.get $i) (i32.const 1)) (local.get $rowC)) (i32.shl (local.get $j) (i32.const 2))))
            (f32x4.add (call $hsum4 (local.get $s10) (local.get $s11) (local.get $s12) (local.get $s13)) (local.get $z))
            (i32.sub (local.get $n) (local.get $j)))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $inext)))
      (local.set $j (i32.add (local.get $j) (i32.const 4)))
      (br $jnext))))

  ;; C (m × n) = Σ_p A(i, p) B[p, :], where A(i, p) lies at a + i·ai + p·ap (bytes) and B is k × n: the
  ;; product A·B (ai = 4k, ap = 4) or Aᵀ·B (ai = 4, ap = 4m) from one loop.
  ;;
  ;;   C[i, j] = Σ_p A(i, p) B[p, j]
  ;;
  ;; A 4 × 8 register block of rank-1 updates, vectorised along j: per p, four scalars of A splatted against two
  ;; vectors of B's row p, eight f32x4 accumulators; the sum over p runs in order, as in the TypeScript loop.
  ;; Edges: a missing row of A is replaced by the last one (computed, never stored); columns past n are
  ;; computed from whatever follows the row and not stored.
  (func $rank1 (param $a i32) (param $ai i32) (param $ap i32) (param $b i32) (param $c i32)
    (param $m i32) (param $n i32) (param $k i32)
    (local $i i32) (local $j i32) (local $p i32) (local $rowB i32)
    (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32)
    (local $q0 i32) (local $q1 i32) (local $q2 i32) (local $q3 i32) (local $pb i32) (local $at i32)
    (local $x v128) (local $w0 v128) (local $w1 v128)
    (local $s0a v128) (local $s0b v128) (local $s1a v128) (local $s1b v128)
    (local $s2a v128) (local $s2b v128) (local $s3a v128) (local $s3b v128)
    (local.set $rowB (i32.shl (local.get $n) (i32.const 2)))
    (block $idone (loop $inext
      (br_if $idone (i32.ge_s (local.get $i) (local.get $m)))
      ;; A(i + q, 0) for q = 0 … 3, the missing rows clamped to the last
      (local.set $r0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ai))))
      (local.set $r1 (i32.add (local.get $a) (i32.mul (local.get $ai)
        (select (i32.add (local.get $i) (i32.const 1)) (i32.sub (local.get $m) (i32.const 1))
          (i32.lt_s (i32.add (local.get $i) (i32.const 1)) (local.get $m))))))
      (local.set $r2 (i32.add (local.get $a) (i32.mul (local.get $ai)
        (select (i32.add (local.get $i) (i32.const 2)) (i32.sub (local.get $m) (i32.const 1))
          (i32.lt_s (i32.add (local.get $i) (i32.const 2)) (local.get $m))))))
      (local.set $r3 (i32.add (local.get $a) (i32.mul (local.get $ai)
        (select (i32.add (local.get $i) (i32.const 3)) (i32.sub (local.get $m) (i32.const 1))
          (i32.lt_s (i32.add (local.get $i) (i32.const 3)) (local.get $m))))))
      (local.set $j (i32.const 0))
      (block $jdone (loop $jnext
        (br_if $jdone (i32.ge_s (local.get $j) (local.get $n)))
        (local.set $s0a (v128.const i32x4 0 0 0 0)) (local.set $s0b (v128.const i32x4 0 0 0 0))
        (local.set $s1a (v128.const i32x4 0 0 0 0)) (local.set $s1b (v128.const i32x4 0 0 0 0))
        (local.set $s2a (v128.const i32x4 0 0 0 0)) (local.set $s2b (v128.const i32x4 0 0 0 0))
        (local.set $s3a (v128.const i32x4 0 0 0 0)) (local.set $s3b (v128.const i32x4 0 0 0 0))
        (local.set $q0 (local.get $r0)) (local.set $q1 (local.get $r1))
        (local.set $q2 (local.get $r2)) (local.set $q3 (local.get $r3))
        (local.set $pb (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $p (local.get $k))
        (block $pdone (loop $pnext
          (br_if $pdone (i32.eqz (local.get $p)))
          (local.set $w0 (v128.load (local.get $pb)))
          (local.set $w1 (v128.load offset=16 (local.get $pb)))
          (local.set $x (v128.load32_splat (local.get $q0)))
          (local.set $s0a (f32x4.add (local.get $s0a) (f32x4.mul (local.get $x) (local.get $w0))))
          (local.set $s0b (f32x4.add (local.get $s0b) (f32x4.mul (local.get $x) (local.get $w1))))
          (local.set $x (v128.load32_splat (local.get $q1)))
          (local.set $s1a (f32x4.add (local.get $s1a) (f32x4.mul (local.get $x) (local.get $w0))))
          (local.set $s1b (f32x4.add (local.get $s1b) (f32x4.mul (local.get $x) (local.get $w1))))
          (local.set $x (v128.load32_splat (local.get $q2)))
          (local.set $s2a (f32x4.add (local.get $s2a) (f32x4.mul (local.get $x) (local.get $w0))))
          (local.set $s2b (f32x4.add (local.get $s2b) (f32x4.mul (local.get $x) (local.get $w1))))
          (local.set $x (v128.load32_splat (local.get $q3)))
          (local.set $s3a (f32x4.add (local.get $s3a) (f32x4.mul (local.get $x) (local.get $w0))))
          (local.set $s3b (f32x4.add (local.get $s3b) (f32x4.mul (local.get $x) (local.get $w1))))
          (local.set $q0 (i32.add (local.get $q0) (local.get $ap)))
          (local.set $q1 (i32.add (local.get $q1) (local.get $ap)))
          (local.set $q2 (i32.add (local.get $q2) (local.get $ap)))
          (local.set $q3 (i32.add (local.get $q3) (local.get $ap)))
          (local.set $pb (i32.add (local.get $pb) (local.get $rowB)))
          (local.set $p (i32.sub (local.get $p) (i32.const 1)))
          (br $pnext)))
        ;; rows i … i+3 of C, columns j … j+7, each only where it exists
        (local.set $at (i32.add (local.get $c) (i32.add (i32.mul (local.get $i) (local.get $rowB)) (i32.shl (local.get $j) (i32.const 2)))))
        (call $store (local.get $at) (local.get $s0a) (i32.sub (local.get $n) (local.get $j)))
        (call $store (i32.add (local.get $at) (i32.const 16)) (local.get $s0b) (i32.sub (local.get $n) (i32.add (local.get $j) (i32.const 4))))
        (if (i32.lt_s (i32.add (local.get $i) (i32.const 1)) (local.get $m)) (then
          (local.set $at (i32.add (local.get $at) (local.get $rowB)))
          (call $store (local.get $at) (local.get $s1a) (i32.sub (local.get $n) (local.get $j)))
          (call $store (i32.add (local.get $at) (i32.const 16)) (local.get $s1b) (i32.sub (local.get $n) (i32.add (local.get $j) (i32.const 4))))))
        (if (i32.lt_s (i32.add (local.get $i) (i32.const 2)) (local.get $m)) (then
          (local.set $at (i32.add (local.get $at) (local.get $rowB)))
          (call $store (local.get $at) (local.get $s2a) (i32.sub (local.get $n) (local.get $j)))
          (call $store (i32.add (local.get $at) (i32.const 16)) (local.get $s2b) (i32.sub (local.get $n) (i32.add (local.get $j) (i32.const 4))))))
        (if (i32.lt_s (i32.add (local.get $i) (i32.const 3)) (local.get $m)) (then
          (local.set $at (i32.add (local.get $at) (local.get $rowB)))
          (call $store (local.get $at) (local.get $s3a) (i32.sub (local.get $n) (local.get $j)))
          (call $store (i32.add (local.get $at) (i32.const 16)) (local.get $s3b) (i32.sub (local.get $n) (i32.add (local.get $j) (i32.const 4))))))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $jnext)))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $inext))))

  ;; C (m × n) = A (m × k) · B (k × n): the delta of the layer below, δ' = δ·W.
  (func (export "matmul_nn") (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $n i32) (param $k i32)
    (call $rank1 (local.get $a) (i32.shl (local.get $k) (i32.const 2)) (i32.const 4)
      (local.get $b) (local.get $c) (local.get $m) (local.get $n) (local.get $k)))

  ;; C (m × n) = Aᵀ · B, A being k × m and B k × n: the weight gradient ∂W = δᵀ·a (k = rows of the batch).
  (func (export "matmul_tn") (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $n i32) (param $k i32)
    (call $rank1 (local.get $a) (i32.const 4) (i32.shl (local.get $m) (i32.const 2))
      (local.get $b) (local.get $c) (local.get $m) (local.get $n) (local.get $k))))
