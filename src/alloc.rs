//! The wasm build's memory allocator: power-of-two size classes, each with a free list, carved from memory the
//! module grows. It replaces std's dlmalloc, which was 8.5 KB of the module (3.2 KB gzipped, out of a 50 KiB
//! budget that every new catalogue entry eats into).
//!
//! What the module does suits it: one call at a time (wasm32 without threads), a few thousand small blocks a
//! call, all freed before the call returns, and now and then one large one (a whole log). A freed block is only
//! reused for its own class and memory is never given back (wasm cannot shrink memory anyway), so what the
//! module holds is bounded by twice the most it ever had live in each class. When memory cannot grow, the
//! allocation fails, Rust aborts, and the npm package restarts the module with fresh memory.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;

/// Blocks from the free lists are aligned to this; rarer, larger alignments get a fresh block.
const LIST_ALIGN: usize = 16;
const PAGE: usize = 65536;

struct Heap {
    /// The first free byte of the grown region, and its end.
    next: usize,
    end: usize,
    /// Free blocks per class (block size `1 << class`); each free block holds the address of the next.
    free: [usize; usize::BITS as usize],
}

struct Allocator(UnsafeCell<Heap>);

// wasm32-unknown-unknown without the atomics feature has one thread.
unsafe impl Sync for Allocator {}

#[global_allocator]
static ALLOCATOR: Allocator = Allocator(UnsafeCell::new(Heap { next: 0, end: 0, free: [0; usize::BITS as usize] }));

/// The class of a layout: the smallest power of two that holds it, at least [`LIST_ALIGN`].
fn class(layout: Layout) -> usize {
    // Past the largest class (over 2 GiB), the class is one no list has, and the allocation fails.
    let size = layout.size().max(layout.align()).max(LIST_ALIGN);
    size.checked_next_power_of_two().map_or(usize::BITS as usize, |p| p.trailing_zeros() as usize)
}

impl Heap {
    /// A new block of `size` bytes aligned to `align`, from the end of the grown region.
    fn carve(&mut self, size: usize, align: usize) -> *mut u8 {
        if self.end == 0 {
            self.next = core::arch::wasm32::memory_size(0) * PAGE;
            self.end = self.next;
        }
        let Some(start) = self.next.checked_add(align - 1).map(|n| n & !(align - 1)) else {
            return core::ptr::null_mut();
        };
        let Some(stop) = start.checked_add(size) else { return core::ptr::null_mut() };
        if stop > self.end {
            // Grow by what is missing, and by at least 1 MiB, so that small blocks do not grow page by page.
            let pages = ((stop - self.end).div_ceil(PAGE)).max(16);
            if core::arch::wasm32::memory_grow(0, pages) == usize::MAX {
                return core::ptr::null_mut();
            }
            self.end += pages * PAGE;
        }
        self.next = stop;
        start as *mut u8
    }
}

unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let heap = &mut *self.0.get();
        let c = class(layout);
        if c >= heap.free.len() {
            return core::ptr::null_mut();
        }
        let head = heap.free[c];
        if head != 0 && layout.align() <= LIST_ALIGN {
            heap.free[c] = *(head as *const usize);
            return head as *mut u8;
        }
        heap.carve(1 << c, layout.align().max(LIST_ALIGN))
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let heap = &mut *self.0.get();
        let c = class(layout);
        *(ptr as *mut usize) = heap.free[c];
        heap.free[c] = ptr as usize;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let Ok(new) = Layout::from_size_align(new_size, layout.align()) else { return core::ptr::null_mut() };
        // A block already has its class's full size: growing within it costs nothing (strings double, so
        // half their growth lands here).
        if class(new) == class(layout) {
            return ptr;
        }
        let moved = self.alloc(new);
        if !moved.is_null() {
            core::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        moved
    }
}
